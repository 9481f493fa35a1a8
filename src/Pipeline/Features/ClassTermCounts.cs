namespace SosRap.Pipeline.Features;

/// <summary>Term counts per class for <see cref="ClassTfidf"/>: column j of <paramref name="Counts"/> is <paramref name="Terms"/>[j].</summary>
/// <param name="Terms">The terms (lemmas, and parts when counted), ordinal order.</param>
/// <param name="Counts">Classes × terms.</param>
public sealed record ClassTermCounts(IReadOnlyList<string> Terms, SparseMatrix Counts);

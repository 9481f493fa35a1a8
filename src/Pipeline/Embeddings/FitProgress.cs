namespace SosRap.Pipeline.Embeddings;

/// <summary>Where a long fit stands, for a progress bar.</summary>
/// <param name="Stage">What runs: <c>features</c> (reading texts; <paramref name="Total"/> is 0 when unknown) or <c>svd</c>.</param>
/// <param name="Done">Texts read, or SVD steps done.</param>
/// <param name="Total">All of them, when known.</param>
public readonly record struct FitProgress(string Stage, long Done, long Total);

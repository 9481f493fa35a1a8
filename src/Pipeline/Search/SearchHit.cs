namespace SosRap.Pipeline.Search;

/// <summary>One search result: the caller's id, the index row it lives in, and its cosine similarity.</summary>
/// <param name="Id">Id given when the vector was added.</param>
/// <param name="Row">Dense row of the index (stable until <see cref="FlatIndex.Compact"/>).</param>
/// <param name="Score">Cosine similarity to the query, in [-1, 1].</param>
public readonly record struct SearchHit(string Id, int Row, float Score);

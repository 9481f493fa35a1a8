namespace SosRap.Pipeline.Search;

/// <summary>How an index compares vectors.</summary>
public enum VectorMetric
{
    /// <summary>
    /// Cosine similarity: every stored vector and every query is L2-normalised, so the score is
    /// the inner product, in [-1, 1], higher is more similar.
    /// </summary>
    Cosine = 0,
}

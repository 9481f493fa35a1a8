namespace SosRap.Pipeline.Search;

/// <summary>How a <see cref="FlatIndex"/> scans its rows for a single query.</summary>
public enum VectorQuantization
{
    /// <summary>Exact float32 scan of every row.</summary>
    None = 0,

    /// <summary>
    /// Scan of 8-bit scalar-quantised codes (a quarter of the bytes) for a short list of
    /// candidates, then exact float32 re-ranking of the short list. Exact float32 rows are kept.
    /// </summary>
    Int8 = 1,
}

namespace SosRap.Pipeline.Search;

/// <summary>
/// Optional settings of one search call (as FAISS's <c>SearchParameters</c>, this keeps filters
/// and tuning out of the main signature). Values are validated when set.
/// </summary>
public sealed record SearchOptions
{
    /// <summary>Only rows allowed by this filter can be returned; null allows every row.</summary>
    public RowFilter? Filter { get; init; }

    /// <summary>Threads one call may use; 0 means the index default (<see cref="FlatIndexOptions.MaxThreads"/>).</summary>
    public int MaxThreads
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(MaxThreads));
            field = value;
        }
    }

    /// <summary>Scan the exact float32 rows even when the index has int8 codes.</summary>
    public bool Exact { get; init; }

    /// <summary>
    /// Int8 only: candidates taken from the int8 scan and re-ranked exactly; 0 means the index
    /// default (<see cref="FlatIndexOptions.RerankFactor"/> × k, at least
    /// <see cref="FlatIndexOptions.MinRerankCandidates"/>). Never fewer than k.
    /// </summary>
    public int RerankCandidates
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(RerankCandidates));
            field = value;
        }
    }

    /// <summary>Defaults: no filter, index thread count, int8 when the index has it.</summary>
    public static SearchOptions Default { get; } = new();
}

namespace SosRap.Pipeline.Clustering;

/// <summary>Settings of the clustering stages; validated once by <see cref="Validate"/>.</summary>
public sealed record ClusteringOptions
{
    /// <summary>Clusterer.</summary>
    public ClusterMethod Method { get; init; } = ClusterMethod.Auto;

    /// <summary>Fixed number of clusters for k-means; null chooses k automatically.</summary>
    public int? Clusters { get; init; }

    /// <summary>Smallest k the automatic choice tries.</summary>
    public int MinClusters { get; init; } = 4;

    /// <summary>Largest k the automatic choice tries (also capped at rows / <see cref="MinClusterSize"/>).</summary>
    public int MaxClusters { get; init; } = 40;

    /// <summary>Seed of every random choice (k-means++ seeding, restarts, SVD, node order).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>k-means restarts; the one with the least inertia wins.</summary>
    public int Restarts { get; init; } = 10;

    /// <summary>Lloyd iterations at most.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Rows the silhouette of the automatic k is computed on (a seeded sample beyond this).</summary>
    public int SilhouetteSample { get; init; } = 2000;

    /// <summary>Neighbours per row in the graph method.</summary>
    public int GraphNeighbors { get; init; } = 10;

    /// <summary>Louvain resolution: above 1 gives more, smaller communities; 2 measured best on both evaluation corpora (docs/QUALITY.md).</summary>
    public double Resolution { get; init; } = 2.0;

    /// <summary>Communities smaller than this are outliers (graph method), and no automatic k gives clusters smaller on average.</summary>
    public int MinClusterSize { get; init; } = 3;

    /// <summary>A row whose edge weight inside its community is below this share of its total is an outlier (graph method).</summary>
    public double MinAttachment { get; init; } = 0.25;

    /// <summary>LSA dimensions of the representation (about 1–2 × the expected number of themes; docs/QUALITY.md).</summary>
    public int Dimension { get; init; } = 20;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public ClusteringOptions Validate()
    {
        if (Clusters is < 1) throw new ArgumentOutOfRangeException(nameof(Clusters), Clusters, "must be at least 1");
        ArgumentOutOfRangeException.ThrowIfLessThan(MinClusters, 2, nameof(MinClusters));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxClusters, MinClusters, nameof(MaxClusters));
        ArgumentOutOfRangeException.ThrowIfLessThan(Restarts, 1, nameof(Restarts));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIterations, 1, nameof(MaxIterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(SilhouetteSample, 10, nameof(SilhouetteSample));
        ArgumentOutOfRangeException.ThrowIfLessThan(GraphNeighbors, 2, nameof(GraphNeighbors));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Resolution, nameof(Resolution));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinClusterSize, 1, nameof(MinClusterSize));
        if (MinAttachment is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(MinAttachment), MinAttachment, "must be in [0, 1)");
        ArgumentOutOfRangeException.ThrowIfLessThan(Dimension, 2, nameof(Dimension));
        return this;
    }
}

namespace SosRap.Pipeline.Evaluation.Representations;

/// <summary>Settings of <see cref="RepresentationComparison"/>; validated once, when a comparison is made.</summary>
public sealed record RepresentationComparisonOptions
{
    /// <summary>Neighbours that vote in kNN suggestions.</summary>
    public int Neighbors { get; init; } = 15;

    /// <summary>Suggestions written per report (the scorers read the top 5 at most).</summary>
    public int MaxSuggestions { get; init; } = 10;

    /// <summary>Cross-validation folds on the training reports (0: none). Uses only the training file, so it can choose settings without touching the test file.</summary>
    public int Folds { get; init; }

    /// <summary>k of the k-means yardstick; null: the number of distinct gold themes of the clustered reports.</summary>
    public int? Clusters { get; init; }

    /// <summary>k-means restarts (the best by inertia is kept).</summary>
    public int KMeansRestarts { get; init; } = 10;

    /// <summary>What representations are fitted on before clustering.</summary>
    public ClusterFitCorpus ClusterFit { get; init; } = ClusterFitCorpus.ClusterInput;

    /// <summary>Seed of folds, k-means and randomized SVD.</summary>
    public int Seed { get; init; } = 1301;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a value out of range; returns the options.</summary>
    public RepresentationComparisonOptions Validate()
    {
        if (Neighbors is < 1 or > 10_000) throw new ArgumentOutOfRangeException(nameof(Neighbors), Neighbors, "Neighbors must be between 1 and 10000.");
        if (MaxSuggestions is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(MaxSuggestions), MaxSuggestions, "MaxSuggestions must be between 1 and 1000.");
        if (Folds is < 0 or 1 or > 100) throw new ArgumentOutOfRangeException(nameof(Folds), Folds, "Folds must be 0 or between 2 and 100.");
        if (Clusters is < 1 or > 10_000) throw new ArgumentOutOfRangeException(nameof(Clusters), Clusters, "Clusters must be between 1 and 10000.");
        if (KMeansRestarts is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(KMeansRestarts), KMeansRestarts, "KMeansRestarts must be between 1 and 1000.");
        if (!Enum.IsDefined(ClusterFit)) throw new ArgumentOutOfRangeException(nameof(ClusterFit), ClusterFit, "Unknown ClusterFit.");
        return this;
    }
}

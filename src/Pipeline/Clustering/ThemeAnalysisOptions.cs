namespace SosRap.Pipeline.Clustering;

/// <summary>Settings of a <see cref="ThemeAnalysis"/> run; validated once by <see cref="Validate"/>.</summary>
public sealed record ThemeAnalysisOptions
{
    /// <summary>Representation and clusterer settings.</summary>
    public ClusteringOptions Clustering { get; init; } = new();

    /// <summary>Period grouping for counts and trends.</summary>
    public PeriodScheme Period { get; init; } = PeriodScheme.HalfYear;

    /// <summary>Trend rule.</summary>
    public TrendRule Trend { get; init; } = new();

    /// <summary>Keywords kept per cluster.</summary>
    public int KeywordCount { get; init; } = 10;

    /// <summary>Keywords in a label.</summary>
    public int LabelKeywords { get; init; } = 3;

    /// <summary>Representative reports per cluster.</summary>
    public int RepresentativeCount { get; init; } = 3;

    /// <summary>Longest excerpt of a representative report, in characters.</summary>
    public int ExcerptLength { get; init; } = 240;

    /// <summary>
    /// With a history: how strongly a term's burst re-weights its feature before clustering the new
    /// batch (weight × (1 + factor × burst)), so reports that share new vocabulary group together.
    /// </summary>
    public double BurstWeight { get; init; } = 3.0;

    /// <summary>A cluster is a candidate new theme when its mean novelty is at least this many robust standard deviations above the median cluster.</summary>
    public double NoveltyThreshold { get; init; } = 2.0;

    /// <summary>Bursty terms (in at least three of its reports, burst ≥ <see cref="StrongBurst"/>) a candidate needs.</summary>
    public int MinStrongTerms { get; init; } = 2;

    /// <summary>Burst of a strong term: ln 3, i.e. about three times as common as in the history.</summary>
    public double StrongBurst { get; init; } = Math.Log(3);

    /// <summary>A candidate absorbs another cluster sharing its bursty terms when that cluster's novelty score is at least this (a part of the same new theme that is less novel on its own).</summary>
    public double MergeThreshold { get; init; } = 1.0;

    /// <summary>Clusterings (seeds seed, seed + 1, …) whose candidate new themes are combined by majority; 1 uses the first run alone.</summary>
    public int ConsensusRuns { get; init; } = 5;

    /// <summary>Smallest candidate new theme (reports), also at least 2 % of the batch.</summary>
    public int MinCandidateSize { get; init; } = 5;

    /// <summary>Fewest previous-run members a cluster must share (Jaccard) to keep that run's id.</summary>
    public double IdMatchThreshold { get; init; } = 0.3;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public ThemeAnalysisOptions Validate()
    {
        ArgumentNullException.ThrowIfNull(Clustering);
        Clustering.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(KeywordCount, 1, nameof(KeywordCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(LabelKeywords, 1, nameof(LabelKeywords));
        ArgumentOutOfRangeException.ThrowIfNegative(RepresentativeCount, nameof(RepresentativeCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(ExcerptLength, 20, nameof(ExcerptLength));
        ArgumentOutOfRangeException.ThrowIfNegative(BurstWeight, nameof(BurstWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(NoveltyThreshold, nameof(NoveltyThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinCandidateSize, 1, nameof(MinCandidateSize));
        ArgumentOutOfRangeException.ThrowIfNegative(MinStrongTerms, nameof(MinStrongTerms));
        ArgumentOutOfRangeException.ThrowIfNegative(MergeThreshold, nameof(MergeThreshold));
        ArgumentOutOfRangeException.ThrowIfLessThan(ConsensusRuns, 1, nameof(ConsensusRuns));
        ArgumentOutOfRangeException.ThrowIfNegative(StrongBurst, nameof(StrongBurst));
        if (IdMatchThreshold is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(IdMatchThreshold), IdMatchThreshold, "must be in (0, 1]");
        ArgumentOutOfRangeException.ThrowIfLessThan(Trend.MinCount, 1, nameof(Trend));
        return this;
    }
}

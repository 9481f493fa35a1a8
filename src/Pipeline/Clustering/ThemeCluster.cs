namespace SosRap.Pipeline.Clustering;

/// <summary>A keyword of a cluster with its c-TF-IDF weight.</summary>
public sealed record ClusterKeyword(string Term, double Weight);

/// <summary>A report that represents a cluster: closest to its centroid.</summary>
/// <param name="Id">Report id.</param>
/// <param name="Excerpt">The start of the phenomenon text with personal data redacted, truncated.</param>
/// <param name="Similarity">Cosine similarity to the cluster centroid.</param>
public sealed record RepresentativeReport(string Id, string Excerpt, double Similarity);

/// <summary>A term that occurs in the new reports clearly more often than in the history.</summary>
/// <param name="Term">Lemma or compound part.</param>
/// <param name="Burst">Smoothed log-ratio of document frequencies (new vs history).</param>
/// <param name="NewCount">Reports of the cluster that contain it.</param>
/// <param name="HistoryShare">Share of history reports that contain it.</param>
public sealed record BurstyTerm(string Term, double Burst, int NewCount, double HistoryShare);

/// <summary>Why a cluster is (or is not) a candidate new theme.</summary>
/// <param name="Novelty">Mean novelty mass of its reports (sum of positive bursts of their terms).</param>
/// <param name="NoveltyScore">Robust z-score of <paramref name="Novelty"/> among the batch's clusters.</param>
/// <param name="BurstyTerms">Its most bursty terms.</param>
/// <param name="FirstSeen">Date of its earliest report.</param>
/// <param name="HistoryNeighborSimilarity">Mean cosine similarity of its reports to their nearest history report (tf-idf).</param>
public sealed record NoveltyEvidence(double Novelty, double NoveltyScore, IReadOnlyList<BurstyTerm> BurstyTerms, DateOnly? FirstSeen, double? HistoryNeighborSimilarity)
{
    /// <summary>The history category whose vocabulary the cluster's is closest to, and the cosine (idf-weighted document counts); null without categories in the history.</summary>
    public CategoryFit? BestCategory { get; init; }

    /// <summary>The strong bursty terms that count as separate evidence (in three or more of its reports, clearly more common than before).</summary>
    public IReadOnlyList<string> StrongTerms { get; init; } = [];

    /// <summary>The median best-category cosine of the batch's clusters, to read <see cref="BestCategory"/> against.</summary>
    public double? TypicalCategoryFit { get; init; }
}

/// <summary>How well a cluster's vocabulary matches a category of the history.</summary>
/// <param name="Category">Category id.</param>
/// <param name="Cosine">Cosine of idf-weighted term document counts (cluster vs the category's history reports).</param>
public sealed record CategoryFit(string Category, double Cosine);

/// <summary>One theme (cluster) found in a set of reports, with everything an analyst needs to read it.</summary>
public sealed record ThemeCluster
{
    /// <summary>Cluster id (stable across reruns when a previous clusters file is given).</summary>
    public required string Id { get; init; }

    /// <summary>Short Finnish label from the top keywords (e.g. "asumistuki · vuokra · häätö").</summary>
    public required string Label { get; init; }

    /// <summary>c-TF-IDF keywords over lemmas and compound parts, best first.</summary>
    public required IReadOnlyList<ClusterKeyword> Keywords { get; init; }

    /// <summary>Number of reports.</summary>
    public int Size => Members.Count;

    /// <summary>Ids of its reports.</summary>
    public required IReadOnlyList<string> Members { get; init; }

    /// <summary>Reports closest to the centroid.</summary>
    public required IReadOnlyList<RepresentativeReport> Representatives { get; init; }

    /// <summary>Reports per municipality (missing = "tuntematon").</summary>
    public required IReadOnlyDictionary<string, int> Municipalities { get; init; }

    /// <summary>Reports per service area.</summary>
    public required IReadOnlyDictionary<string, int> ServiceAreas { get; init; }

    /// <summary>Reports per period, every period of the analysis in order (zeros included).</summary>
    public required IReadOnlyDictionary<string, int> Periods { get; init; }

    /// <summary>How many of its reports carry each category.</summary>
    public required IReadOnlyDictionary<string, int> Categories { get; init; }

    /// <summary>Trend over the periods.</summary>
    public TrendStatus Trend { get; init; }

    /// <summary>Flagged as a candidate new theme ("uusi ilmiö").</summary>
    public bool IsCandidateNewTheme { get; init; }

    /// <summary>Novelty relative to a history, when one was given.</summary>
    public NoveltyEvidence? Novelty { get; init; }
}

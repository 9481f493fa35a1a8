using SosRap.Models;

namespace SosRap.Pipeline.Clustering;

/// <summary>The outcome of <see cref="ThemeAnalysis"/>.</summary>
/// <param name="Method">The clusterer that ran (<c>kmeans</c>, <c>graph</c>, or <c>none</c> when there was too little to cluster).</param>
/// <param name="Clusters">Themes, largest first (candidate new themes first when a history was given).</param>
/// <param name="Assignments">One per input report, in input order; <c>"-1"</c> marks an outlier.</param>
/// <param name="Periods">The periods, in order (<see cref="Clustering.Periods.Unknown"/> last when some report has no date).</param>
/// <param name="UnknownPeriodCount">Reports without a date.</param>
/// <param name="KCriterion">Scores behind the automatic number of clusters (k → mean silhouette or modularity).</param>
/// <param name="Notices">Finnish messages for the user (too few reports, empty texts, …).</param>
public sealed record ThemeAnalysisResult(
    string Method,
    IReadOnlyList<ThemeCluster> Clusters,
    IReadOnlyList<ClusterAssignment> Assignments,
    IReadOnlyList<string> Periods,
    int UnknownPeriodCount,
    IReadOnlyDictionary<int, double> KCriterion,
    IReadOnlyList<string> Notices)
{
    /// <summary>The clusters flagged as candidate new themes, most novel first.</summary>
    public IReadOnlyList<ThemeCluster> Candidates =>
        Clusters.Where(c => c.IsCandidateNewTheme).OrderByDescending(c => c.Novelty?.NoveltyScore ?? 0).ToList();

    /// <summary>Reports left unclustered.</summary>
    public int OutlierCount => Assignments.Count(a => a.Cluster == ClusterAssignment.Outlier);
}

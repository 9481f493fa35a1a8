namespace SosRap.Pipeline.Clustering;

/// <summary>The outcome of a clusterer: a label per row (−1 = outlier) and how the number of clusters was chosen.</summary>
/// <param name="Labels">Cluster of each row, 0 … <paramref name="ClusterCount"/> − 1, or −1.</param>
/// <param name="ClusterCount">Number of clusters.</param>
/// <param name="Criterion">Scores behind an automatic choice of k (k → score); empty when k was given.</param>
public sealed record ClusterLabels(int[] Labels, int ClusterCount, IReadOnlyDictionary<int, double> Criterion)
{
    /// <summary>Rows labelled −1.</summary>
    public int OutlierCount => Labels.Count(l => l < 0);
}

namespace SosRap.Pipeline.Evaluation;

/// <summary>
/// Agreement of a clustering with gold themes, as the evaluation kit's <c>cluster_eval.py</c>:
/// NMI (arithmetic-mean normalisation) and ARI with the outliers (cluster <c>-1</c>) counted as one
/// more cluster, purity (share of reports whose cluster's majority theme is theirs; outliers never
/// count as pure), the number of clusters and the outlier share.
/// </summary>
/// <param name="Reports">Number of scored reports.</param>
/// <param name="Nmi">Normalised mutual information of themes and clusters.</param>
/// <param name="Ari">Adjusted Rand index.</param>
/// <param name="Purity">Share of reports whose cluster's majority theme is their own.</param>
/// <param name="Clusters">Clusters other than the outliers.</param>
/// <param name="OutlierShare">Share of reports in cluster <c>-1</c>.</param>
public sealed record ClusteringScores(int Reports, double Nmi, double Ari, double Purity, int Clusters, double OutlierShare)
{
    /// <summary>The cluster id of an outlier.</summary>
    public const string Outlier = "-1";

    /// <summary>Scores a clustering; every report of <paramref name="themes"/> must have a cluster.</summary>
    /// <exception cref="ArgumentException">A report has no cluster.</exception>
    public static ClusteringScores Compute(IReadOnlyDictionary<string, string> themes, IReadOnlyDictionary<string, string> clusters)
    {
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentNullException.ThrowIfNull(clusters);
        var n = themes.Count;
        if (n == 0) return new ClusteringScores(0, 0, 0, 0, 0, 0);
        var joint = new Dictionary<(string Theme, string Cluster), int>();
        var byTheme = new Dictionary<string, int>(StringComparer.Ordinal);
        var byCluster = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, theme) in themes)
        {
            if (!clusters.TryGetValue(id, out var cluster)) throw new ArgumentException($"Report '{id}' has no cluster.", nameof(clusters));
            joint[(theme, cluster)] = joint.GetValueOrDefault((theme, cluster)) + 1;
            byTheme[theme] = byTheme.GetValueOrDefault(theme) + 1;
            byCluster[cluster] = byCluster.GetValueOrDefault(cluster) + 1;
        }

        double mi = 0;
        foreach (var ((t, c), count) in joint) mi += (double)count / n * Math.Log((double)count * n / ((double)byTheme[t] * byCluster[c]));
        var h = (Entropy(byTheme.Values, n) + Entropy(byCluster.Values, n)) / 2;
        var nmi = h == 0 ? 1 : mi / h;

        static double Pairs(double x) => x * (x - 1) / 2;
        double sumJoint = 0, sumTheme = 0, sumCluster = 0;
        foreach (var c in joint.Values) sumJoint += Pairs(c);
        foreach (var c in byTheme.Values) sumTheme += Pairs(c);
        foreach (var c in byCluster.Values) sumCluster += Pairs(c);
        var expected = sumTheme * sumCluster / Pairs(n);
        var top = (sumTheme + sumCluster) / 2;
        var ari = top == expected ? 1 : (sumJoint - expected) / (top - expected);

        var majority = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ((_, c), count) in joint)
        {
            if (c == Outlier) continue;
            majority[c] = Math.Max(majority.GetValueOrDefault(c), count);
        }

        var pure = 0;
        foreach (var m in majority.Values) pure += m;
        return new ClusteringScores(n, nmi, ari, (double)pure / n, majority.Count, (double)byCluster.GetValueOrDefault(Outlier) / n);
    }

    private static double Entropy(IEnumerable<int> counts, int n)
    {
        double h = 0;
        foreach (var c in counts)
        {
            if (c > 0) h -= (double)c / n * Math.Log((double)c / n);
        }

        return h;
    }
}

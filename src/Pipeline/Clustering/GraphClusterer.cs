using SosRap.Pipeline.Search;

namespace SosRap.Pipeline.Clustering;

/// <summary>
/// Communities of the exact k-nearest-neighbour graph (cosine), found with Louvain modularity
/// optimisation; the number of clusters follows from the data. Reports are not forced into a theme:
/// communities smaller than <see cref="ClusteringOptions.MinClusterSize"/> and reports whose edge
/// weight inside their community is below <see cref="ClusteringOptions.MinAttachment"/> of their
/// total, or that no member of their community has among its nearest neighbours, become outliers (−1). Deterministic: nodes are visited in a seeded order.
/// </summary>
public sealed class GraphClusterer : IClusterer
{
    private readonly ClusteringOptions _options;

    /// <summary>Creates the clusterer; invalid options throw now.</summary>
    public GraphClusterer(ClusteringOptions? options = null) => _options = (options ?? new ClusteringOptions()).Validate();

    /// <inheritdoc />
    public string Name => "graph";

    /// <inheritdoc />
    public ClusterLabels Cluster(float[] vectors, int count, int dimension, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Length != count * dimension) throw new ArgumentException($"{vectors.Length} values, expected {count} × {dimension}.", nameof(vectors));
        if (count == 0) return new ClusterLabels([], 0, new Dictionary<int, double>());
        var k = Math.Min(_options.GraphNeighbors, count - 1);
        if (k < 1) return new ClusterLabels([-1], 0, new Dictionary<int, double>());

        var graph = BuildGraph(vectors, count, dimension, k, out var reverse, out var density, cancellationToken);
        var communities = Louvain.Run(graph, _options.Resolution, _options.Seed, cancellationToken);
        var labels = PruneAndRenumber(graph, communities, reverse, density, out var clusterCount);
        return new ClusterLabels(labels, clusterCount, new Dictionary<int, double> { [clusterCount] = Louvain.Modularity(graph, communities, _options.Resolution) });
    }

    // Symmetrised k-NN graph: weight(i, j) = sum of the positive similarities of the directed edges i→j and j→i,
    // so mutual neighbours are tied twice as strongly as one-sided ones.
    // reverse[i] lists the rows that have i among their k nearest (the directed in-edges).
    // density[i] is the mean similarity of row i to its k nearest rows.
    private static WeightedGraph BuildGraph(float[] vectors, int count, int dimension, int k, out List<int>[] reverse, out double[] density, CancellationToken cancellationToken)
    {
        density = new double[count];
        reverse = new List<int>[count];
        for (var i = 0; i < count; i++) reverse[i] = [];
        using var index = new FlatIndex(dimension);
        var ids = new string[count];
        for (var i = 0; i < count; i++) ids[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        index.AddRange(ids, vectors);
        var knn = index.BuildKnnGraph(k, cancellationToken: cancellationToken);
        var edges = new Dictionary<long, double>();
        for (var i = 0; i < count; i++)
        {
            var neighbors = knn.Neighbors(i);
            var scores = knn.Scores(i);
            var sum = 0d;
            var m = 0;
            foreach (var sc in scores)
            {
                if (float.IsFinite(sc))
                {
                    sum += sc;
                    m++;
                }
            }

            density[i] = m == 0 ? 0 : sum / m;
            for (var j = 0; j < neighbors.Length; j++)
            {
                var other = neighbors[j];
                if (other < 0 || other == i || !(scores[j] > 0)) continue;
                reverse[other].Add(i);
                var key = i < other ? ((long)i << 32) | (uint)other : ((long)other << 32) | (uint)i;
                edges[key] = edges.GetValueOrDefault(key) + scores[j];
            }
        }

        return WeightedGraph.FromEdges(count, edges);
    }

    // A row is an outlier when no row of its own community counts it among its k nearest (a reverse
    // k-NN count of zero: the ODIN outlier rule, Hautamäki et al. 2004) or when too little of its edge
    // weight stays inside its community.
    // A row whose neighbourhood is far sparser than its community's typical one (mean k-NN similarity
    // below half the community median) lies in empty space between themes and is an outlier too.
    private int[] PruneAndRenumber(WeightedGraph graph, int[] communities, List<int>[] reverse, double[] density, out int clusterCount)
    {
        var n = communities.Length;
        var typical = new Dictionary<int, double>();
        foreach (var group in Enumerable.Range(0, n).GroupBy(i => communities[i]))
        {
            var sorted = group.Select(i => density[i]).Order().ToArray();
            typical[group.Key] = sorted[sorted.Length / 2];
        }

        var labels = (int[])communities.Clone();
        for (var i = 0; i < n; i++)
        {
            var inside = 0d;
            var total = 0d;
            foreach (var (j, w) in graph.Edges(i))
            {
                total += w;
                if (communities[j] == communities[i]) inside += w;
            }

            var reverseInside = reverse[i].Count(j => communities[j] == communities[i]);
            if (total <= 0 || inside < _options.MinAttachment * total || reverseInside == 0 || density[i] < 0.5 * typical[communities[i]]) labels[i] = -1;
        }

        var sizes = new Dictionary<int, int>();
        foreach (var l in labels)
        {
            if (l >= 0) sizes[l] = sizes.GetValueOrDefault(l) + 1;
        }

        // Bigger clusters get lower ids; ties by first row, so the numbering is deterministic.
        var firstRow = new Dictionary<int, int>();
        for (var i = n - 1; i >= 0; i--)
        {
            if (labels[i] >= 0) firstRow[labels[i]] = i;
        }

        var kept = sizes.Where(p => p.Value >= _options.MinClusterSize).Select(p => p.Key)
            .OrderByDescending(c => sizes[c]).ThenBy(c => firstRow[c]).ToArray();
        var map = new Dictionary<int, int>();
        for (var i = 0; i < kept.Length; i++) map[kept[i]] = i;
        for (var i = 0; i < n; i++) labels[i] = labels[i] >= 0 && map.TryGetValue(labels[i], out var c) ? c : -1;
        clusterCount = kept.Length;
        return labels;
    }
}

using SosRap.Pipeline.Search;

namespace SosRap.Pipeline.Clustering;

/// <summary>
/// Communities of the exact k-nearest-neighbour graph (cosine), found with Louvain modularity
/// optimisation; the number of clusters follows from the data. Reports are not forced into a theme:
/// communities smaller than <see cref="ClusteringOptions.MinClusterSize"/> and reports whose edge
/// weight inside their community is below <see cref="ClusteringOptions.MinAttachment"/> of their
/// total become outliers (−1). Deterministic: nodes are visited in a seeded order.
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

        var graph = BuildGraph(vectors, count, dimension, k, cancellationToken);
        var communities = Louvain.Run(graph, _options.Resolution, _options.Seed, cancellationToken);
        var labels = PruneAndRenumber(graph, communities, out var clusterCount);
        return new ClusterLabels(labels, clusterCount, new Dictionary<int, double> { [clusterCount] = Louvain.Modularity(graph, communities, _options.Resolution) });
    }

    // Symmetrised k-NN graph: weight(i, j) = sum of the positive similarities of the directed edges i→j and j→i,
    // so mutual neighbours are tied twice as strongly as one-sided ones.
    private static WeightedGraph BuildGraph(float[] vectors, int count, int dimension, int k, CancellationToken cancellationToken)
    {
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
            for (var j = 0; j < neighbors.Length; j++)
            {
                var other = neighbors[j];
                if (other < 0 || other == i || !(scores[j] > 0)) continue;
                var key = i < other ? ((long)i << 32) | (uint)other : ((long)other << 32) | (uint)i;
                edges[key] = edges.GetValueOrDefault(key) + scores[j];
            }
        }

        return WeightedGraph.FromEdges(count, edges);
    }

    private int[] PruneAndRenumber(WeightedGraph graph, int[] communities, out int clusterCount)
    {
        var n = communities.Length;
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

            if (total <= 0 || inside < _options.MinAttachment * total) labels[i] = -1;
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

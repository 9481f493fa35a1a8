namespace SosRap.Pipeline.Clustering;

/// <summary>An undirected weighted graph in CSR form (each edge stored in both directions; no self-loops unless added by aggregation).</summary>
internal sealed class WeightedGraph
{
    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly double[] _weights;

    public WeightedGraph(int nodeCount, int[] offsets, int[] targets, double[] weights, double[] selfLoops)
    {
        NodeCount = nodeCount;
        _offsets = offsets;
        _targets = targets;
        _weights = weights;
        SelfLoops = selfLoops;
        Degrees = new double[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            var s = 2 * selfLoops[i];
            for (var e = offsets[i]; e < offsets[i + 1]; e++) s += weights[e];
            Degrees[i] = s;
            TotalWeight += s;
        }

        TotalWeight /= 2;
    }

    public int NodeCount { get; }

    /// <summary>Weight of each node's self-loop (counted twice in its degree, as in modularity).</summary>
    public double[] SelfLoops { get; }

    /// <summary>Weighted degree of each node.</summary>
    public double[] Degrees { get; }

    /// <summary>Sum of all edge weights (m).</summary>
    public double TotalWeight { get; }

    public IEnumerable<(int Target, double Weight)> Edges(int node)
    {
        for (var e = _offsets[node]; e < _offsets[node + 1]; e++) yield return (_targets[e], _weights[e]);
    }

    public ReadOnlySpan<int> Targets(int node) => _targets.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    public ReadOnlySpan<double> Weights(int node) => _weights.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>Builds the graph from undirected edges keyed (low &lt;&lt; 32) | high; a key with low == high is a self-loop.</summary>
    public static WeightedGraph FromEdges(int nodeCount, Dictionary<long, double> edges)
    {
        var degree = new int[nodeCount + 1];
        var selfLoops = new double[nodeCount];
        foreach (var (key, _) in edges)
        {
            var a = (int)(key >> 32);
            var b = (int)(key & 0xffffffff);
            if (a == b) continue;
            degree[a]++;
            degree[b]++;
        }

        var offsets = new int[nodeCount + 1];
        for (var i = 0; i < nodeCount; i++) offsets[i + 1] = offsets[i] + degree[i];
        var fill = (int[])offsets.Clone();
        var targets = new int[offsets[nodeCount]];
        var weights = new double[offsets[nodeCount]];
        // Sorted keys give every adjacency list the same order on every run.
        foreach (var key in edges.Keys.Order())
        {
            var w = edges[key];
            var a = (int)(key >> 32);
            var b = (int)(key & 0xffffffff);
            if (a == b)
            {
                selfLoops[a] += w;
                continue;
            }

            targets[fill[a]] = b;
            weights[fill[a]++] = w;
            targets[fill[b]] = a;
            weights[fill[b]++] = w;
        }

        return new WeightedGraph(nodeCount, offsets, targets, weights, selfLoops);
    }
}

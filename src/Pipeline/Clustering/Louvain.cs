namespace SosRap.Pipeline.Clustering;

/// <summary>
/// Louvain community detection (Blondel et al. 2008): local moving of nodes to the neighbouring
/// community with the largest modularity gain, then aggregation of communities into nodes, repeated
/// until nothing moves. Deterministic: nodes are visited in one seeded order per level.
/// </summary>
internal static class Louvain
{
    public static int[] Run(WeightedGraph graph, double resolution, int seed, CancellationToken cancellationToken)
    {
        var membership = Enumerable.Range(0, graph.NodeCount).ToArray();
        var random = new Random(seed);
        var current = graph;
        for (var level = 0; level < 50; level++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var communities = MoveNodes(current, resolution, random, out var moved);
            if (!moved) break;
            var count = Renumber(communities);
            for (var i = 0; i < membership.Length; i++) membership[i] = communities[membership[i]];
            if (count == current.NodeCount) break;
            current = Aggregate(current, communities, count);
        }

        Renumber(membership);
        return membership;
    }

    /// <summary>Modularity of a partition, with resolution γ: Σ_c [in_c / m − γ (tot_c / 2m)²].</summary>
    public static double Modularity(WeightedGraph graph, int[] communities, double resolution)
    {
        var m = graph.TotalWeight;
        if (m <= 0) return 0;
        var inside = new Dictionary<int, double>();
        var total = new Dictionary<int, double>();
        for (var i = 0; i < graph.NodeCount; i++)
        {
            var c = communities[i];
            total[c] = total.GetValueOrDefault(c) + graph.Degrees[i];
            inside[c] = inside.GetValueOrDefault(c) + (2 * graph.SelfLoops[i]);
            var targets = graph.Targets(i);
            var weights = graph.Weights(i);
            for (var e = 0; e < targets.Length; e++)
            {
                if (communities[targets[e]] == c) inside[c] += weights[e];
            }
        }

        var q = 0d;
        foreach (var (c, tot) in total) q += (inside.GetValueOrDefault(c) / (2 * m)) - (resolution * (tot / (2 * m)) * (tot / (2 * m)));
        return q;
    }

    private static int[] MoveNodes(WeightedGraph g, double resolution, Random random, out bool movedAny)
    {
        var n = g.NodeCount;
        var community = Enumerable.Range(0, n).ToArray();
        var total = (double[])g.Degrees.Clone();
        var m2 = 2 * g.TotalWeight;
        movedAny = false;
        if (m2 <= 0) return community;
        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        var linkWeights = new double[n];
        var touched = new List<int>();
        bool improved;
        var passes = 0;
        do
        {
            improved = false;
            foreach (var i in order)
            {
                var own = community[i];
                var ki = g.Degrees[i];
                touched.Clear();
                var targets = g.Targets(i);
                var weights = g.Weights(i);
                for (var e = 0; e < targets.Length; e++)
                {
                    var c = community[targets[e]];
                    if (linkWeights[c] == 0) touched.Add(c);
                    linkWeights[c] += weights[e];
                }

                total[own] -= ki;
                var best = own;
                var bestGain = linkWeights[own] - (resolution * total[own] * ki / m2);
                foreach (var c in touched)
                {
                    var gain = linkWeights[c] - (resolution * total[c] * ki / m2);
                    if (gain > bestGain + 1e-12 || (Math.Abs(gain - bestGain) <= 1e-12 && c < best && c != own && gain > bestGain))
                    {
                        bestGain = gain;
                        best = c;
                    }
                }

                total[best] += ki;
                foreach (var c in touched) linkWeights[c] = 0;
                linkWeights[own] = 0;
                if (best != own)
                {
                    community[i] = best;
                    improved = true;
                    movedAny = true;
                }
            }
        }
        while (improved && ++passes < 100);

        return community;
    }

    private static int Renumber(int[] labels)
    {
        var map = new Dictionary<int, int>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (!map.TryGetValue(labels[i], out var id))
            {
                id = map.Count;
                map[labels[i]] = id;
            }

            labels[i] = id;
        }

        return map.Count;
    }

    private static WeightedGraph Aggregate(WeightedGraph g, int[] communities, int count)
    {
        var edges = new Dictionary<long, double>();
        for (var i = 0; i < g.NodeCount; i++)
        {
            var a = communities[i];
            if (g.SelfLoops[i] > 0) Add(edges, a, a, g.SelfLoops[i]);
            var targets = g.Targets(i);
            var weights = g.Weights(i);
            for (var e = 0; e < targets.Length; e++)
            {
                var j = targets[e];
                if (j < i) continue; // each undirected edge once
                var b = communities[j];
                Add(edges, a, b, weights[e]);
            }
        }

        return WeightedGraph.FromEdges(count, edges);
    }

    private static void Add(Dictionary<long, double> edges, int a, int b, double w)
    {
        var key = a <= b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
        edges[key] = edges.GetValueOrDefault(key) + w;
    }
}

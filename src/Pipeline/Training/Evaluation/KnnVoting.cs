namespace SosRap.Training.Evaluation;

/// <summary>
/// k-nearest-neighbour category suggestion over L2-normalised vectors: the k most similar
/// reference reports vote for each of their categories with their cosine similarity (negative
/// similarities do not vote); categories are ranked by their vote sum, ties by taxonomy order.
/// </summary>
internal static class KnnVoting
{
    /// <summary>Ranks categories for one query; returns (category, score) best first, scores divided by the k neighbours' similarity sum.</summary>
    public static List<(int Category, float Score)> Suggest(ReadOnlySpan<float> query, float[] references, int dimension, IReadOnlyList<int[]> labels,
        int categories, int k)
    {
        var n = labels.Count;
        var sims = new float[n];
        for (var i = 0; i < n; i++)
            sims[i] = System.Numerics.Tensors.TensorPrimitives.Dot(query, references.AsSpan(i * dimension, dimension));
        var order = Enumerable.Range(0, n).OrderByDescending(i => sims[i]).ThenBy(i => i).Take(k).ToArray();
        var votes = new double[categories];
        double total = 0;
        foreach (var i in order)
        {
            var s = Math.Max(0f, sims[i]);
            total += s;
            foreach (var c in labels[i]) votes[c] += s;
        }

        var result = new List<(int, float)>();
        for (var c = 0; c < categories; c++)
        {
            if (votes[c] > 0) result.Add((c, (float)(votes[c] / total)));
        }

        result.Sort((a, b) => b.Item2 != a.Item2 ? b.Item2.CompareTo(a.Item2) : a.Item1.CompareTo(b.Item1));
        return result;
    }

    /// <summary>Ranked category indices for every query row.</summary>
    public static List<int[]> RankAll(float[] queries, float[] references, int dimension, IReadOnlyList<int[]> referenceLabels, int categories, int k)
    {
        var count = queries.Length / dimension;
        var ranked = new List<int[]>(count);
        for (var q = 0; q < count; q++)
            ranked.Add([.. Suggest(queries.AsSpan(q * dimension, dimension), references, dimension, referenceLabels, categories, k).Select(s => s.Category)]);
        return ranked;
    }
}

namespace SosRap.Pipeline.Suggestions;

/// <summary>Orders category scores best first; ties go to the lower index so rankings are deterministic.</summary>
internal static class Ranking
{
    public static int[] Order(ReadOnlySpan<float> scores)
    {
        var order = new int[scores.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var copy = scores.ToArray();
        Array.Sort(order, (a, b) => copy[a] != copy[b] ? copy[b].CompareTo(copy[a]) : a.CompareTo(b));
        return order;
    }

    /// <summary>The features of <paramref name="x"/> with the largest positive products with <paramref name="weights"/>, as terms (n-gram buckets skipped).</summary>
    public static IReadOnlyList<string> TopTerms(Features.TfidfModel model, Features.SparseVector x, ReadOnlySpan<float> weights, int count)
    {
        var best = new List<(float Contribution, int Id)>();
        var idx = x.Indices;
        var val = x.Values;
        for (var i = 0; i < idx.Length; i++)
        {
            var j = idx[i];
            if (j >= weights.Length || model.Vocabulary.Kind(j) == Features.FeatureKind.CharNgram) continue;
            var c = val[i] * weights[j];
            if (c > 0) best.Add((c, j));
        }

        best.Sort((a, b) => a.Contribution != b.Contribution ? b.Contribution.CompareTo(a.Contribution) : a.Id.CompareTo(b.Id));
        var terms = new List<string>(Math.Min(count, best.Count));
        for (var i = 0; i < best.Count && terms.Count < count; i++) terms.Add(model.Vocabulary.Term(best[i].Id));
        return terms;
    }
}

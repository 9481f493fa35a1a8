namespace SosRap.Training.Evaluation;

/// <summary>
/// Category suggestion metrics with the definitions of the evaluation kit's suggest_eval.py
/// (averaged over reports, "samples" averaging): P@1, P@3, R@3, F1@3 (per report, then averaged),
/// NDCG@5 with binary relevance, hit@3.
/// </summary>
internal sealed record RankingScores(double PrecisionAt1, double PrecisionAt3, double RecallAt3, double F1At3, double NdcgAt5, double HitAt3, int Count)
{
    /// <summary>Scores ranked category indices against gold indices; reports without gold labels are skipped.</summary>
    public static RankingScores Score(IReadOnlyList<int[]> gold, IReadOnlyList<int[]> ranked)
    {
        if (gold.Count != ranked.Count) throw new ArgumentException("gold and ranked differ in length.", nameof(ranked));
        const int k = 3;
        double p1 = 0, p3 = 0, r3 = 0, f3 = 0, ndcg = 0, hit = 0;
        var n = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            var g = gold[i];
            if (g.Length == 0) continue;
            n++;
            var r = ranked[i];
            var tp = 0;
            for (var j = 0; j < Math.Min(k, r.Length); j++) if (Array.IndexOf(g, r[j]) >= 0) tp++;
            var p = tp / (double)k;
            var rec = tp / (double)g.Length;
            p1 += r.Length > 0 && Array.IndexOf(g, r[0]) >= 0 ? 1 : 0;
            p3 += p;
            r3 += rec;
            f3 += tp == 0 ? 0 : 2 * p * rec / (p + rec);
            hit += tp > 0 ? 1 : 0;
            double dcg = 0, ideal = 0;
            for (var j = 0; j < Math.Min(5, r.Length); j++) if (Array.IndexOf(g, r[j]) >= 0) dcg += 1 / Math.Log2(j + 2);
            for (var j = 0; j < Math.Min(5, g.Length); j++) ideal += 1 / Math.Log2(j + 2);
            ndcg += dcg / ideal;
        }

        return n == 0 ? new RankingScores(0, 0, 0, 0, 0, 0, 0) : new RankingScores(p1 / n, p3 / n, r3 / n, f3 / n, ndcg / n, hit / n, n);
    }
}

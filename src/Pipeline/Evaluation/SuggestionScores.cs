namespace SosRap.Pipeline.Evaluation;

/// <summary>
/// Ranking quality of category suggestions, averaged over reports ("samples" averaging, as Annif's
/// eval and the evaluation kit's <c>suggest_eval.py</c>): P@1, P@k, R@k, F1@k (per report, then
/// averaged), NDCG@5 with binary relevance, and hit@k (share of reports with a gold label in the top k).
/// </summary>
/// <param name="Reports">Number of scored reports.</param>
/// <param name="K">The cut-off of P@k, R@k, F1@k and hit@k.</param>
/// <param name="PrecisionAt1">Share of reports whose first suggestion is a gold label.</param>
/// <param name="PrecisionAtK">Gold labels among the top k, divided by k.</param>
/// <param name="RecallAtK">Gold labels among the top k, divided by the number of gold labels.</param>
/// <param name="F1AtK">Harmonic mean of P@k and R@k per report, averaged.</param>
/// <param name="NdcgAt5">Normalised discounted cumulative gain of the top 5.</param>
/// <param name="HitAtK">Share of reports with a gold label among the top k.</param>
public sealed record SuggestionScores(int Reports, int K, double PrecisionAt1, double PrecisionAtK, double RecallAtK, double F1AtK, double NdcgAt5, double HitAtK)
{
    /// <summary>
    /// Scores ranked predictions against gold labels. Reports without gold labels are skipped (they
    /// cannot be scored); a gold report without a prediction counts as an empty ranking.
    /// </summary>
    /// <param name="gold">Gold categories per report id.</param>
    /// <param name="predicted">Ranked categories per report id, best first.</param>
    /// <param name="k">Cut-off, 3 by default.</param>
    public static SuggestionScores Compute(IReadOnlyDictionary<string, IReadOnlyList<string>> gold,
        IReadOnlyDictionary<string, IReadOnlyList<string>> predicted, int k = 3)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        double p1 = 0, pk = 0, rk = 0, f1 = 0, ndcg = 0, hit = 0;
        var n = 0;
        foreach (var (id, labels) in gold)
        {
            if (labels.Count == 0) continue;
            n++;
            var g = new HashSet<string>(labels, StringComparer.Ordinal);
            var ranked = predicted.TryGetValue(id, out var r) ? r : [];
            var tp = 0;
            for (var i = 0; i < Math.Min(k, ranked.Count); i++) tp += g.Contains(ranked[i]) ? 1 : 0;
            var precision = (double)tp / k;
            var recall = (double)tp / g.Count;
            p1 += ranked.Count > 0 && g.Contains(ranked[0]) ? 1 : 0;
            pk += precision;
            rk += recall;
            f1 += tp == 0 ? 0 : 2 * precision * recall / (precision + recall);
            hit += tp > 0 ? 1 : 0;
            double dcg = 0, ideal = 0;
            for (var i = 0; i < Math.Min(5, ranked.Count); i++) dcg += g.Contains(ranked[i]) ? 1 / Math.Log2(i + 2) : 0;
            for (var i = 0; i < Math.Min(5, g.Count); i++) ideal += 1 / Math.Log2(i + 2);
            ndcg += dcg / ideal;
        }

        return n == 0
            ? new SuggestionScores(0, k, 0, 0, 0, 0, 0, 0)
            : new SuggestionScores(n, k, p1 / n, pk / n, rk / n, f1 / n, ndcg / n, hit / n);
    }
}

using System.Globalization;
using SosRap.Pipeline.Evaluation;

namespace SosRap.Training.Evaluation;

/// <summary>
/// The suggestion metrics of <see cref="SuggestionScores"/> (the evaluation kit's definitions) for
/// the trainer's category indices: one definition of P@1, F1@3 and NDCG@5 for the whole project.
/// </summary>
internal static class RankingScores
{
    /// <summary>Scores ranked category indices against gold indices (same order); reports without gold labels are skipped.</summary>
    public static SuggestionScores Score(IReadOnlyList<int[]> gold, IReadOnlyList<int[]> ranked)
    {
        if (gold.Count != ranked.Count) throw new ArgumentException("gold and ranked differ in length.", nameof(ranked));
        var goldById = new Dictionary<string, IReadOnlyList<string>>(gold.Count, StringComparer.Ordinal);
        var rankedById = new Dictionary<string, IReadOnlyList<string>>(gold.Count, StringComparer.Ordinal);
        for (var i = 0; i < gold.Count; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            goldById[id] = Array.ConvertAll(gold[i], c => c.ToString(CultureInfo.InvariantCulture));
            rankedById[id] = Array.ConvertAll(ranked[i], c => c.ToString(CultureInfo.InvariantCulture));
        }

        return SuggestionScores.Compute(goldById, rankedById);
    }
}

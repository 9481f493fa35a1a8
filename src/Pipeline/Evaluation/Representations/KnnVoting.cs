using SosRap.Models;

namespace SosRap.Pipeline.Evaluation.Representations;

/// <summary>
/// Category suggestions by nearest neighbours, the yardstick of the comparison: the k training
/// reports most similar to a query (cosine) vote for each of their categories with their
/// similarity; a category's score is its votes divided by the similarity of all k neighbours, in
/// [0, 1]. Neighbours with similarity ≤ 0 do not vote. Ties are broken by category id.
/// </summary>
internal static class KnnVoting
{
    public static List<CategorySuggestion> Suggest(VectorSet train, IReadOnlyList<IReadOnlyList<string>> trainCategories, ReadOnlySpan<float> query,
        int neighbors, int maxSuggestions, int? skipRow = null)
    {
        var candidates = new List<(float Similarity, int Row)>(train.Count);
        for (var row = 0; row < train.Count; row++)
        {
            if (row == skipRow || !train.HasVector(row) || trainCategories[row].Count == 0) continue;
            var s = train.Dot(row, query);
            if (s > 0) candidates.Add((s, row));
        }

        candidates.Sort((a, b) => a.Similarity != b.Similarity ? b.Similarity.CompareTo(a.Similarity) : a.Row.CompareTo(b.Row));
        var votes = new Dictionary<string, float>(StringComparer.Ordinal);
        var total = 0f;
        for (var i = 0; i < Math.Min(neighbors, candidates.Count); i++)
        {
            var (similarity, row) = candidates[i];
            total += similarity;
            foreach (var category in trainCategories[row]) votes[category] = votes.GetValueOrDefault(category) + similarity;
        }

        var result = new List<CategorySuggestion>(votes.Count);
        foreach (var (category, v) in votes) result.Add(new CategorySuggestion(category, v / total));
        result.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Category, b.Category));
        if (result.Count > maxSuggestions) result.RemoveRange(maxSuggestions, result.Count - maxSuggestions);
        return result;
    }
}

using SosRap.Pipeline.Features;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Clustering;

/// <summary>
/// Keywords and a short label per cluster from class-based tf-idf (<see cref="ClassTfidf"/>) over
/// lemmas and compound parts: all reports of a cluster form one document, so a keyword is a term
/// frequent in the cluster and rare across the others. Outliers are left out of the counts.
/// </summary>
public static class ClusterLabeler
{
    /// <summary>Top <paramref name="count"/> keywords of each cluster, best first.</summary>
    public static IReadOnlyList<ClusterKeyword>[] Keywords(IReadOnlyList<AnalyzedText> texts, IReadOnlyList<int> labels, int clusterCount, int count)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        var result = new IReadOnlyList<ClusterKeyword>[clusterCount];
        if (clusterCount == 0) return result;
        var counts = ClassTfidf.CountTerms(texts, labels, clusterCount, includeCompoundParts: true);
        var ctfidf = ClassTfidf.Fit(counts.Counts);
        var weights = ctfidf.Transform(counts.Counts);
        for (var c = 0; c < clusterCount; c++)
        {
            result[c] = ClassTfidf.TopTerms(weights, c, count).Select(t => new ClusterKeyword(counts.Terms[t.Term], t.Weight)).ToList();
        }

        return result;
    }

    /// <summary>
    /// A label from the first <paramref name="words"/> keywords joined with " · ", skipping a keyword
    /// contained in one already chosen or containing it (a compound part next to its compound, e.g.
    /// "tuki" after "toimeentulotuki"), so the label names different things.
    /// </summary>
    public static string Label(IReadOnlyList<ClusterKeyword> keywords, int words)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        var chosen = new List<string>();
        foreach (var k in keywords)
        {
            if (chosen.Count == words) break;
            if (chosen.Any(c => c.Contains(k.Term, StringComparison.Ordinal) || k.Term.Contains(c, StringComparison.Ordinal))) continue;
            chosen.Add(k.Term);
        }

        return chosen.Count == 0 ? "(ei avainsanoja)" : string.Join(" · ", chosen);
    }
}

using SosRap.Models;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Clustering;

/// <summary>The history of new-theme detection built from earlier reports: term document frequencies over lemmas and compound parts.</summary>
public sealed class ReportHistory : IThemeHistory
{
    private readonly Dictionary<string, int> _df;

    private ReportHistory(Dictionary<string, int> df, List<IReadOnlySet<string>> terms, Dictionary<string, IReadOnlyDictionary<string, int>>? categoryTerms)
    {
        _df = df;
        DocumentTerms = terms;
        CategoryTerms = categoryTerms;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>? CategoryTerms { get; }

    /// <inheritdoc />
    public int DocumentCount => DocumentTerms!.Count;

    /// <inheritdoc />
    public IReadOnlyList<IReadOnlySet<string>>? DocumentTerms { get; }

    /// <inheritdoc />
    public int DocumentFrequency(string term) => _df.GetValueOrDefault(term);

    /// <summary>Analyses <paramref name="reports"/> and counts their terms.</summary>
    public static ReportHistory FromReports(IReadOnlyList<Report> reports, TextAnalyzer analyzer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(analyzer);
        var analyses = new AnalyzedText[reports.Count];
        Parallel.For(0, reports.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => analyses[i] = analyzer.Analyze(reports[i].FullText));
        return FromAnalyses(analyses, reports.Select(r => r.Categories).ToList());
    }

    /// <summary>Counts the terms of analysed history texts, and per category when the texts' categories are given.</summary>
    public static ReportHistory FromAnalyses(IReadOnlyList<AnalyzedText> analyses, IReadOnlyList<IReadOnlyList<string>>? categories = null)
    {
        ArgumentNullException.ThrowIfNull(analyses);
        if (categories is not null && categories.Count != analyses.Count) throw new ArgumentException($"{analyses.Count} texts but {categories.Count} category lists.", nameof(categories));
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<IReadOnlySet<string>>(analyses.Count);
        var perCategory = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        for (var i = 0; i < analyses.Count; i++)
        {
            var set = NoveltyScorer.TermSet(analyses[i]);
            terms.Add(set);
            foreach (var t in set) df[t] = df.GetValueOrDefault(t) + 1;
            if (categories is null) continue;
            foreach (var c in categories[i])
            {
                if (!perCategory.TryGetValue(c, out var counts)) perCategory[c] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var t in set) counts[t] = counts.GetValueOrDefault(t) + 1;
            }
        }

        var categoryTerms = perCategory.Count == 0 ? null : perCategory.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, int>)p.Value, StringComparer.Ordinal);
        return new ReportHistory(df, terms, categoryTerms);
    }
}

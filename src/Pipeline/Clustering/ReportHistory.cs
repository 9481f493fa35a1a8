using SosRap.Models;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Clustering;

/// <summary>The history of new-theme detection built from earlier reports: term document frequencies over lemmas and compound parts.</summary>
public sealed class ReportHistory : IThemeHistory
{
    private readonly Dictionary<string, int> _df;

    private ReportHistory(Dictionary<string, int> df, List<IReadOnlySet<string>> terms)
    {
        _df = df;
        DocumentTerms = terms;
    }

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
        return FromAnalyses(analyses);
    }

    /// <summary>Counts the terms of analysed history texts.</summary>
    public static ReportHistory FromAnalyses(IReadOnlyList<AnalyzedText> analyses)
    {
        ArgumentNullException.ThrowIfNull(analyses);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<IReadOnlySet<string>>(analyses.Count);
        foreach (var a in analyses)
        {
            var set = NoveltyScorer.TermSet(a);
            terms.Add(set);
            foreach (var t in set) df[t] = df.GetValueOrDefault(t) + 1;
        }

        return new ReportHistory(df, terms);
    }
}

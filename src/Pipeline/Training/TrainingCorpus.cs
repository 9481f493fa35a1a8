using SosRap.Models;
using SosRap.Pipeline.IO;
using SosRap.Pipeline.Text;

namespace SosRap.Training;

/// <summary>Reads report files and analyses them (tokenize, lemmatize with Voikko, drop stopwords) for training and evaluation.</summary>
internal static class TrainingCorpus
{
    /// <summary>
    /// Reads <paramref name="path"/>, checking category ids against <paramref name="taxonomy"/>, and
    /// analyses each report's phenomenon and proposal. With <paramref name="keepLabels"/> false the
    /// categories are dropped (texts for the self-supervised objective only).
    /// </summary>
    public static async Task<List<TrainingDocument>> LoadAsync(string path, Taxonomy taxonomy, TextAnalyzer analyzer, bool keepLabels,
        CancellationToken cancellationToken)
    {
        var (reports, _) = await ReportReader.ReadFileAsync(path, new ReportReadOptions { Taxonomy = taxonomy }, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return Analyze(reports, taxonomy, analyzer, keepLabels, cancellationToken);
    }

    /// <summary>Analyses reports in parallel (the analyzer is thread-safe); order is kept.</summary>
    public static List<TrainingDocument> Analyze(IReadOnlyList<Report> reports, Taxonomy taxonomy, TextAnalyzer analyzer, bool keepLabels,
        CancellationToken cancellationToken)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < taxonomy.Categories.Count; i++) index[taxonomy.Categories[i].Id] = i;
        var documents = new TrainingDocument[reports.Count];
        Parallel.For(0, reports.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var report = reports[i];
            var labels = keepLabels
                ? report.Categories.Select(c => index.TryGetValue(c, out var k) ? k : -1).Where(k => k >= 0).Distinct().Order().ToArray()
                : [];
            documents[i] = new TrainingDocument(report.Id, analyzer.Analyze(report.FullText).Terms, labels);
        });
        return [.. documents];
    }
}

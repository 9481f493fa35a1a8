using SosRap.Models;
using SosRap.Pipeline.IO;
using SosRap.Pipeline.Text;

namespace SosRap.Training.Tests;

/// <summary>The project's own sample reports and taxonomy, analysed once with real Voikko.</summary>
public sealed class TrainingData : IDisposable
{
    private readonly VoikkoLemmatizer _lemmatizer = new();

    public TrainingData()
    {
        Analyzer = new TextAnalyzer(new FinnishTokenizer(), _lemmatizer, Stopwords.Default);
        Taxonomy = TaxonomyJson.LoadAsync(TaxonomyPath).GetAwaiter().GetResult();
        Reports = ReportReader.ReadFileAsync(ReportsPath, new ReportReadOptions { Taxonomy = Taxonomy }).GetAwaiter().GetResult().Reports;
        Documents = TrainingCorpus.Analyze(Reports, Taxonomy, Analyzer, keepLabels: true, CancellationToken.None);
    }

    public static string ReportsPath => Path.Combine(AppContext.BaseDirectory, "data", "sample_reports.jsonl");

    public static string TaxonomyPath => Path.Combine(AppContext.BaseDirectory, "data", "taxonomy.json");

    public TextAnalyzer Analyzer { get; }

    public Taxonomy Taxonomy { get; }

    public List<Report> Reports { get; }

    internal List<TrainingDocument> Documents { get; }

    public IReadOnlyList<string> CategoryIds => [.. Taxonomy.Categories.Select(c => c.Id)];

    public void Dispose() => _lemmatizer.Dispose();
}

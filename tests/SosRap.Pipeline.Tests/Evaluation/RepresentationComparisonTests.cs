using System.Text.Json;
using SosRap.Models;
using SosRap.Pipeline.Evaluation;
using SosRap.Pipeline.Evaluation.Representations;
using SosRap.Pipeline.IO;
using SosRap.Pipeline.Tests.IO;
using SosRap.Pipeline.Tests.Text;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Tests.Evaluation;

/// <summary>The comparison end to end on the project's own sample reports, with real Voikko.</summary>
public sealed class RepresentationComparisonTests(VoikkoLemmatizerFixture fixture) : IClassFixture<VoikkoLemmatizerFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_predictions_assignments_and_a_summary_that_agree_with_each_other()
    {
        var (reports, _) = await ReportReader.ReadFileAsync(SampleData.Path("sample_reports.jsonl"), cancellationToken: Ct);
        var train = reports.Take(150).ToList();
        var test = reports.Skip(150).ToList();
        using var dir = new TempDir();
        var analyzer = new TextAnalyzer(new FinnishTokenizer(), fixture.Lemmatizer, Stopwords.Default);
        var comparison = new RepresentationComparison(analyzer, RepresentationRegistry.CreateDefault(), new RepresentationComparisonOptions { Folds = 3 });
        var results = await comparison.RunAsync(train, test, reports, RepresentationSpec.ParseList("tfidf,lsa(dim=20)"), dir.Path, cancellationToken: Ct);

        Assert.Equal(["tfidf", "lsa-dim20"], results.Select(r => r.Label));
        foreach (var r in results)
        {
            var predicted = await PredictionFiles.ReadSuggestionsAsync(Path.Combine(dir.Path, r.Label + ".suggestions.jsonl"), Ct).ToListAsync(Ct);
            Assert.Equal(test.Select(t => t.Id), predicted.Select(p => p.Id));
            Assert.All(predicted, p => Assert.Equal(p.Suggestions.OrderByDescending(s => s.Score).Select(s => s.Score), p.Suggestions.Select(s => s.Score)));
            var rescored = SuggestionScores.Compute(
                test.Where(t => t.Categories.Count > 0).ToDictionary(t => t.Id, t => t.Categories),
                predicted.ToDictionary(p => p.Id, p => (IReadOnlyList<string>)p.Suggestions.Select(s => s.Category).ToList()));
            Assert.Equal(rescored, r.Test);
            // 14 categories: three random guesses score F1@3 ≈ 0.15; the words of a report must do far better.
            Assert.True(r.Test!.F1AtK > 0.3, $"{r.Spec}: F1@3 {r.Test.F1AtK:0.000}");

            var clusters = await PredictionFiles.ReadClustersAsync(Path.Combine(dir.Path, r.Label + ".clusters.jsonl"), Ct).ToListAsync(Ct);
            Assert.Equal(reports.Select(x => x.Id), clusters.Select(c => c.Id));
            Assert.Equal(reports.Select(x => x.Theme).Distinct().Count(), r.ClusterCount);
            Assert.True(r.Clustering!.Nmi > 0.2, $"{r.Spec}: NMI {r.Clustering.Nmi:0.000}");
            Assert.Equal(150, (await PredictionFiles.ReadSuggestionsAsync(Path.Combine(dir.Path, r.Label + ".cv-suggestions.jsonl"), Ct).ToListAsync(Ct)).Count);
        }

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir.Path, "summary.json"), Ct));
        Assert.Equal(2, summary.RootElement.GetProperty("representations").GetArrayLength());
        Assert.Equal(20, summary.RootElement.GetProperty("representations")[1].GetProperty("dimension").GetInt32());
        Assert.Contains("| `lsa(dim=20)` | dense | 20 |", await File.ReadAllTextAsync(Path.Combine(dir.Path, "summary.md"), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_training_reports_without_categories_and_runs_without_work_to_do()
    {
        using var dir = new TempDir();
        var analyzer = new TextAnalyzer(new FinnishTokenizer(), fixture.Lemmatizer, Stopwords.Default);
        var comparison = new RepresentationComparison(analyzer, RepresentationRegistry.CreateDefault());
        var unlabelled = new List<Report> { new() { Id = "a", Phenomenon = "Vuokra nousi." } };
        var e = await Assert.ThrowsAsync<InputException>(() => comparison.RunAsync(unlabelled, unlabelled, null, RepresentationSpec.ParseList("tfidf"), dir.Path, cancellationToken: Ct));
        Assert.Equal("--train", e.Field);
        var labelled = new List<Report> { new() { Id = "a", Phenomenon = "Vuokra nousi.", Categories = ["asuminen"] } };
        await Assert.ThrowsAsync<InputException>(() => comparison.RunAsync(labelled, null, null, RepresentationSpec.ParseList("tfidf"), dir.Path, cancellationToken: Ct));
    }
}

using SosRap.Models;
using SosRap.Pipeline.IO;

namespace SosRap.Pipeline.Tests.IO;

public sealed class PredictionFilesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Suggestions_are_written_in_the_evaluation_format_best_first()
    {
        using var dir = new TempDir();
        var path = dir.File("pred.jsonl");
        ReportSuggestions[] records =
        [
            new("R-1", [new CategorySuggestion("asuminen", 0.91f), new CategorySuggestion("velat", 0.25f)]),
            new("R-2", []),
        ];
        var n = await PredictionFiles.WriteSuggestionsAsync(path, records.ToAsyncEnumerable(), cancellationToken: Ct);
        Assert.Equal(2, n);
        Assert.Equal(
            [
                """{"id":"R-1","suggestions":[{"category":"asuminen","score":0.91},{"category":"velat","score":0.25}]}""",
                """{"id":"R-2","suggestions":[]}""",
            ],
            await File.ReadAllLinesAsync(path, Ct));

        var back = await PredictionFiles.ReadSuggestionsAsync(path, Ct).ToListAsync(Ct);
        Assert.Equal(["asuminen", "velat"], back[0].Suggestions.Select(s => s.Category));
        Assert.Equal(0.91f, back[0].Suggestions[0].Score);
        Assert.Empty(back[1].Suggestions);
    }

    [Fact]
    public async Task Evidence_is_written_only_when_asked()
    {
        using var dir = new TempDir();
        var path = dir.File("pred.jsonl");
        ReportSuggestions[] records = [new("R-1", [new CategorySuggestion("asuminen", 0.5f, new SuggestionEvidence(["vuokra"], ["R-9"]))])];
        await PredictionFiles.WriteSuggestionsAsync(path, records.ToAsyncEnumerable(), includeEvidence: true, Ct);
        Assert.Equal("""{"id":"R-1","suggestions":[{"category":"asuminen","score":0.5,"evidence":{"lemmas":["vuokra"],"similar_reports":["R-9"]}}]}""",
            (await File.ReadAllLinesAsync(path, Ct)).Single());
        var back = await PredictionFiles.ReadSuggestionsAsync(path, Ct).ToListAsync(Ct);
        Assert.Equal(["R-9"], back[0].Suggestions[0].Evidence!.SimilarReportIds);
    }

    [Fact]
    public async Task Cluster_assignments_round_trip_and_outliers_are_minus_one()
    {
        using var dir = new TempDir();
        var path = dir.File("clusters.jsonl");
        ClusterAssignment[] records = [new("R-1", "3"), new("R-2", ClusterAssignment.Outlier)];
        await PredictionFiles.WriteClustersAsync(path, records.ToAsyncEnumerable(), Ct);
        Assert.Equal(["""{"id":"R-1","cluster":"3"}""", """{"id":"R-2","cluster":"-1"}"""], await File.ReadAllLinesAsync(path, Ct));
        Assert.Equal(records, await PredictionFiles.ReadClustersAsync(path, Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_bad_prediction_line_names_file_and_line()
    {
        using var dir = new TempDir();
        var path = dir.Write("bad.jsonl", "{\"id\":\"a\",\"cluster\":\"1\"}\n{\"cluster\":\"2\"}\n");
        var e = await Assert.ThrowsAsync<InputException>(async () => await PredictionFiles.ReadClustersAsync(path, Ct).ToListAsync(Ct));
        Assert.Equal(2, e.Row);
        Assert.Equal("id", e.Field);
    }
}

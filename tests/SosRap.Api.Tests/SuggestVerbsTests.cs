using System.Text.Json;
using SosRap.Api.Cli;
using SosRap.Pipeline.Evaluation;

namespace SosRap.Api.Tests;

/// <summary>Trains one model on data/sample_reports.jsonl through the <c>train</c> verb, shared by the verb tests.</summary>
public sealed class TrainedModelFixture : IDisposable
{
    public TrainedModelFixture()
    {
        Folder = new TempFolder();
        Model = Folder.File("model");
        using var output = new StringWriter();
        using var error = new StringWriter();
        Code = TrainCommand.RunAsync(new TrainCommand.Request(SuggestVerbsTests.Data("sample_reports.jsonl"), SuggestVerbsTests.Data("taxonomy.json"), Model, Folds: 3),
            output, error, CancellationToken.None).GetAwaiter().GetResult();
        Out = output.ToString();
        Err = error.ToString();
    }

    private TempFolder Folder { get; }

    public string Model { get; }

    public int Code { get; }

    public string Out { get; }

    public string Err { get; }

    public void Dispose() => Folder.Dispose();
}

public sealed class SuggestVerbsTests(TrainedModelFixture trained) : IClassFixture<TrainedModelFixture>
{
    internal static string Data(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SosRap.sln"))) return Path.Combine(dir.FullName, "data", file);
        throw new FileNotFoundException("SosRap.sln not found above the test binaries.");
    }

    [Fact]
    public void Train_writes_the_model_directory_and_prints_cross_validated_metrics()
    {
        Assert.Equal(0, trained.Code);
        foreach (var f in (string[])["manifest.json", "taxonomy.json", "featurizer.bin", "backends.bin"])
            Assert.True(File.Exists(Path.Combine(trained.Model, f)), f);
        Assert.Contains("ensemble", trained.Out, StringComparison.Ordinal);
        Assert.Contains("NDCG@5", trained.Out, StringComparison.Ordinal);
        Assert.Contains("luotettavuus", trained.Out, StringComparison.Ordinal);
        // 3 of the 200 sample reports carry no category: they are counted and said.
        Assert.Contains("3 luokittelemattomia", trained.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggest_writes_one_ranked_line_per_report_and_eval_scores_the_same_rankings()
    {
        using var folder = new TempFolder();
        var predictions = folder.File("pred.jsonl");
        var (code, _, err) = await CliHarness.InProcessAsync("suggest", "--model", trained.Model, "--input", Data("sample_reports.jsonl"), "--output", predictions, "--evidence");
        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(predictions);
        Assert.Equal(200, lines.Length);
        var ranked = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            var suggestions = doc.RootElement.GetProperty("suggestions").EnumerateArray().ToList();
            Assert.InRange(suggestions.Count, 1, 5);
            var scores = suggestions.Select(s => s.GetProperty("score").GetSingle()).ToList();
            Assert.Equal(scores.OrderDescending(), scores);
            Assert.All(scores, s => Assert.InRange(s, 0f, 1f));
            Assert.True(suggestions[0].TryGetProperty("evidence", out var evidence));
            Assert.True(evidence.GetProperty("similar_reports").GetArrayLength() > 0);
            ranked[doc.RootElement.GetProperty("id").GetString()!] = suggestions.Select(s => s.GetProperty("category").GetString()!).ToList();
        }

        var gold = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var line in File.ReadAllLines(Data("sample_reports.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.TryGetProperty("categories", out var cats) && cats.GetArrayLength() > 0)
                gold[doc.RootElement.GetProperty("id").GetString()!] = cats.EnumerateArray().Select(c => c.GetString()!).ToList();
        }

        var expected = SuggestionScores.Compute(gold, ranked);
        var (evalCode, evalOut, evalErr) = await CliHarness.InProcessAsync("eval", "--model", trained.Model, "--input", Data("sample_reports.jsonl"), "--json");
        Assert.True(evalCode == 0, evalErr);
        using var result = JsonDocument.Parse(evalOut);
        Assert.Equal(Math.Round(expected.F1AtK, 4), result.RootElement.GetProperty("F1@3").GetDouble(), 4);
        Assert.Equal(Math.Round(expected.NdcgAt5, 4), result.RootElement.GetProperty("NDCG@5").GetDouble(), 4);
        Assert.Equal(Math.Round(expected.PrecisionAt1, 4), result.RootElement.GetProperty("P@1").GetDouble(), 4);
        Assert.Equal(197, result.RootElement.GetProperty("n").GetInt32());
        // The model has seen these reports: a sanity floor, not a quality claim.
        Assert.True(expected.PrecisionAt1 > 0.8, $"P@1 {expected.PrecisionAt1}");
        Assert.Equal(14, result.RootElement.GetProperty("per_category").GetArrayLength());
    }

    [Fact]
    public async Task Suggest_from_standard_input_prints_finnish_names_scores_and_evidence()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SuggestCommand.RunAsync(new SuggestCommand.Request(trained.Model, null, "-", null, Top: 3),
            output, error, new StringReader("Vuokranantaja vaatii kahden kuukauden vuokravakuuden, eikä asiakas saa asuntoa."), TestContext.Current.CancellationToken);
        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.StartsWith("Kieli: fi", text, StringComparison.Ordinal);
        Assert.Contains("1. Asuminen", text, StringComparison.Ordinal);
        Assert.Contains("sanat:", text, StringComparison.Ordinal);
        Assert.Contains("samankaltaiset raportit:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggest_with_a_taxonomy_alone_runs_zero_shot()
    {
        using var folder = new TempFolder();
        var predictions = folder.File("zs.jsonl");
        var (code, _, err) = await CliHarness.InProcessAsync("suggest", "--taxonomy", Data("taxonomy.json"), "--input", Data("sample_reports.jsonl"), "--output", predictions);
        Assert.True(code == 0, err);
        Assert.Contains("zeroshot", err, StringComparison.Ordinal);
        Assert.Equal(200, File.ReadAllLines(predictions).Length);
    }

    [Fact]
    public async Task Each_backend_can_be_asked_alone()
    {
        foreach (var backend in (string[])["knn", "linear", "centroid", "zeroshot", "ensemble"])
        {
            var (code, output, err) = await CliHarness.InProcessAsync("eval", "--model", trained.Model, "--input", Data("sample_reports.jsonl"), "--backend", backend);
            Assert.True(code == 0, err);
            Assert.Contains($"taustajärjestelmä {backend}", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_missing_model_directory_is_one_clear_line_and_exit_2()
    {
        var (code, _, err) = await CliHarness.ProcessAsync("suggest", "--model", "/nonexistent/model", "--input", Data("sample_reports.jsonl"), "--output", "-");
        Assert.Equal(2, code);
        Assert.Contains("mallihakemistoa ei ole", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_training_file_with_an_unknown_category_names_the_row_and_id()
    {
        using var folder = new TempFolder();
        var input = folder.Write("bad.jsonl",
            "{\"id\":\"a\",\"phenomenon\":\"Vuokravakuus puuttuu.\",\"categories\":[\"asuminen\"]}\n{\"id\":\"b\",\"phenomenon\":\"Bussi ei kulje.\",\"categories\":[\"avaruus\"]}\n");
        var (code, _, err) = await CliHarness.ProcessAsync("train", "--input", input, "--taxonomy", Data("taxonomy.json"), "--model", folder.File("m"));
        Assert.Equal(2, code);
        Assert.Contains("avaruus", err, StringComparison.Ordinal);
        Assert.Contains("2", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("m")));
    }

    [Fact]
    public async Task Empty_standard_input_is_a_clear_error()
    {
        var e = await Assert.ThrowsAsync<SosRap.Pipeline.InputException>(() => SuggestCommand.RunAsync(
            new SuggestCommand.Request(trained.Model, null, "-", null), TextWriter.Null, TextWriter.Null, new StringReader("  \n"), TestContext.Current.CancellationToken));
        Assert.Contains("tyhjä", e.Message, StringComparison.Ordinal);
    }
}

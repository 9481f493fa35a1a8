using System.Diagnostics;
using System.Text;
using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Text;

namespace SosRap.Training.Tests;

/// <summary>
/// <c>sosrap train-encoder</c> end to end: the real sosrap executable (beside the tests) starts
/// sosrap-train as a child process on a small file, and the encoder it writes loads and embeds.
/// </summary>
public sealed class TrainEncoderVerbTests(TrainingData data) : IClassFixture<TrainingData>
{
    [Fact]
    public async Task Train_encoder_streams_progress_and_writes_an_encoder_that_embeds()
    {
        using var dir = new TempFolder();
        var input = dir.File("reports.jsonl");
        await File.WriteAllLinesAsync(input, File.ReadLines(TrainingData.ReportsPath).Take(40), TestContext.Current.CancellationToken);
        var output = dir.File("encoder");

        var (code, stdout, stderr) = await SosrapAsync("train-encoder", "--input", input, "--taxonomy", TrainingData.TaxonomyPath, "--output", output,
            "--dim", "16", "--epochs", "3", "--seed", "4", "--buckets", "2048", "--batch-size", "8");

        Assert.True(code == 0, stderr);
        Assert.Contains("40 raporttia", stderr, StringComparison.Ordinal);
        Assert.Contains("valinta kierros   1/3", stderr, StringComparison.Ordinal);
        Assert.Contains("uudelleen kierros", stderr, StringComparison.Ordinal);
        Assert.StartsWith("Enkooderi kirjoitettu: ", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "training.json")));

        var embedder = await EncoderEmbedder.LoadAsync(output, TestContext.Current.CancellationToken);
        Assert.Equal(16, embedder.Dimension);
        const string text = "Vuokravakuuksia ei myönnetä ja asiakkaat jäävät ilman asuntoa.";
        var z = new float[16];
        Assert.True(embedder.TryEmbed(text, data.Analyzer.Analyze(text), z));
        Assert.Equal(1.0, Math.Sqrt(z.Sum(x => (double)x * x)), 5);
        Assert.False(embedder.TryEmbed("", AnalyzedText.Empty, z));
    }

    [Fact]
    public async Task A_missing_input_file_is_one_finnish_line_and_exit_code_2()
    {
        using var dir = new TempFolder();
        var (code, _, stderr) = await SosrapAsync("train-encoder", "--input", dir.File("puuttuu.jsonl"), "--taxonomy", TrainingData.TaxonomyPath,
            "--output", dir.File("out"));
        Assert.Equal(2, code);
        Assert.Contains("tiedostoa ei löydy", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public async Task An_invalid_training_option_is_refused_before_training()
    {
        using var dir = new TempFolder();
        var (code, _, stderr) = await SosrapAsync("train-encoder", "--input", TrainingData.ReportsPath, "--taxonomy", TrainingData.TaxonomyPath,
            "--output", dir.File("out"), "--term-dropout", "1.5");
        Assert.NotEqual(0, code);
        Assert.Contains("--term-dropout", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Out, string Err)> SosrapAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sosrap.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var ct = TestContext.Current.CancellationToken;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await stdout, await stderr);
    }
}

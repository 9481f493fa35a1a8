using System.Text;

namespace SosRap.Api.Tests;

public sealed class ConvertCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Jsonl =
        "{\"id\":\"K1\",\"phenomenon\":\"Rivi 1\\nrivi 2; \\\"lainaus\\\"\",\"reported_at\":\"2024-02-01\",\"categories\":[\"asuminen\",\"velat\"],\"affected_clients\":3,\"contains_pii\":false}\n" +
        "{\"id\":\"K2\",\"phenomenon\":\"Toinen\",\"kind\":\"hyva_kaytanto\",\"language\":\"sv\"}\n";

    [Fact]
    public async Task Converts_through_parquet_and_excel_csv_back_to_the_same_jsonl()
    {
        using var dir = new TempFolder();
        var source = dir.Write("a.jsonl", Jsonl);
        var (c1, _, log1) = await CliHarness.InProcessAsync("convert", source, dir.File("b.parquet"));
        Assert.Equal(0, c1);
        Assert.Contains($"2 raporttia {source} (jsonl) → {dir.File("b.parquet")} (parquet)", log1, StringComparison.Ordinal);
        Assert.Equal(0, (await CliHarness.InProcessAsync("convert", dir.File("b.parquet"), dir.File("c.csv"), "--excel")).Code);
        Assert.Equal(0, (await CliHarness.InProcessAsync("convert", dir.File("c.csv"), dir.File("d.jsonl"))).Code);

        var csv = await File.ReadAllBytesAsync(dir.File("c.csv"), Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        Assert.StartsWith("id;phenomenon;", Encoding.UTF8.GetString(csv, 3, csv.Length - 3), StringComparison.Ordinal);

        var lines = await File.ReadAllLinesAsync(dir.File("d.jsonl"), Ct);
        Assert.Equal(
            """{"id":"K1","phenomenon":"Rivi 1\nrivi 2; \"lainaus\"","proposal":"","municipality":null,"service_area":null,"reported_at":"2024-02-01","categories":["asuminen","velat"],"kind":"epakohta","affected_clients":3,"responsible":null,"language":"fi","theme":null,"contains_pii":false}""",
            lines[0]);
        Assert.Equal(
            """{"id":"K2","phenomenon":"Toinen","proposal":"","municipality":null,"service_area":null,"reported_at":null,"categories":[],"kind":"hyva_kaytanto","affected_clients":null,"responsible":null,"language":"sv","theme":null,"contains_pii":null}""",
            lines[1]);
    }

    [Fact]
    public async Task An_invalid_row_stops_the_conversion_and_leaves_no_output()
    {
        using var dir = new TempFolder();
        var source = dir.Write("a.csv", "id,phenomenon\n1,ok\n2,\n");
        var (code, _, err) = await CliHarness.ProcessAsync("convert", source, dir.File("b.parquet"));
        Assert.Equal(2, code);
        Assert.Contains($"{source}:3: 'phenomenon'", err, StringComparison.Ordinal);
        Assert.Contains("--skip-invalid", err, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("b.parquet")));
    }

    [Fact]
    public async Task Skip_invalid_converts_the_valid_rows_and_says_where_the_rest_went()
    {
        using var dir = new TempFolder();
        var source = dir.Write("a.csv", "id,phenomenon\n1,ok\n2,\n3,ok\n");
        var (code, _, err) = await CliHarness.InProcessAsync("convert", source, dir.File("b.jsonl"), "--skip-invalid");
        Assert.Equal(0, code);
        Assert.Contains($"1 virheellinen rivi ohitettu → {source}.rejected.jsonl", err, StringComparison.Ordinal);
        Assert.Equal(2, (await File.ReadAllLinesAsync(dir.File("b.jsonl"), Ct)).Length);
        Assert.Single(await File.ReadAllLinesAsync(source + ".rejected.jsonl", Ct));
    }

    [Fact]
    public async Task Standard_output_needs_an_explicit_format()
    {
        using var dir = new TempFolder();
        var source = dir.Write("a.jsonl", Jsonl);
        var (code, output, _) = await CliHarness.ProcessAsync("convert", source, "-", "--to", "csv");
        Assert.Equal(0, code);
        Assert.StartsWith("id,phenomenon,proposal,", output, StringComparison.Ordinal);
        var (noFormat, _, err) = await CliHarness.ProcessAsync("convert", source, "-");
        Assert.Equal(2, noFormat);
        Assert.Contains("muoto on annettava", err, StringComparison.Ordinal);
    }
}

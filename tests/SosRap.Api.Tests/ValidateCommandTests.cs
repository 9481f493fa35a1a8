using System.Text.Json;

namespace SosRap.Api.Tests;

public sealed class ValidateCommandTests
{
    // Five reports in two municipalities and three half-years; written by hand for these tests.
    private const string CleanCsv =
        "id;phenomenon;municipality;service_area;reported_at;categories;kind;language\r\n" +
        "V1;Vuokravakuudet viipyvät.;Kajaani;Aikuissosiaalityö;2024-01-10;asuminen|toimeentulo;epakohta;fi\r\n" +
        "V2;\"Bussivuoro lakkautettiin; asiointi vaikeutui.\";Kuhmo;Aikuissosiaalityö;2024-06-30;liikkuminen;;fi\r\n" +
        "V3;Perhetyön ryhmä toimii hyvin.;Kajaani;Perhepalvelut;2024-07-01;;hyvä käytäntö;fi\r\n" +
        "V4;Kelan päätökset viipyvät.;Kajaani;;2023-12-31;toimeentulo;;sv\r\n" +
        "V5;Ei päivämäärää.;;;;;;\r\n";

    private const string TaxonomyJson =
        "[{\"id\":\"asuminen\",\"name\":\"Asuminen\",\"description\":\"\"},{\"id\":\"toimeentulo\",\"name\":\"Toimeentulo\",\"description\":\"\"},{\"id\":\"liikkuminen\",\"name\":\"Liikkuminen\",\"description\":\"\"}]";

    [Fact]
    public async Task Clean_file_prints_counts_in_finnish_and_exits_zero()
    {
        using var dir = new TempFolder();
        var path = dir.Write("r.csv", CleanCsv);
        var (code, output, _) = await CliHarness.InProcessAsync("validate", path, "--taxonomy", dir.Write("t.json", TaxonomyJson));

        Assert.Equal(0, code);
        Assert.Contains("Rivejä 5, kelvollisia 5, virheellisiä 0, virheitä 0, varoituksia 0", output, StringComparison.Ordinal);
        Assert.Contains("Ei ongelmia.", output, StringComparison.Ordinal);
        Assert.Matches(@"│ municipality\s+│\s+4 │\s+1 │\s+80 % │", output);
        Assert.Matches(@"│ toimeentulo\s+│ Toimeentulo\s+│\s+2 │\s+40 % │", output);
        Assert.Matches(@"│ Kajaani\s+│\s+3 │", output);
        Assert.Matches(@"│ 2024/1\s+│ 1\.1\.–30\.6\.2024\s+│\s+2 │", output);
        Assert.Matches(@"│ 2024/2\s+│ 1\.7\.–31\.12\.2024\s+│\s+1 │", output);
        Assert.Matches(@"│ \(ei päivämäärää\)\s+│\s+│\s+1 │", output);
        Assert.Matches(@"│ hyva_kaytanto\s+│ hyvä käytäntö\s+│\s+1 │", output);
        Assert.Matches(@"│ sv\s+│\s+1 │", output);
    }

    [Fact]
    public async Task Json_output_carries_every_count()
    {
        using var dir = new TempFolder();
        var (code, output, _) = await CliHarness.InProcessAsync("validate", dir.Write("r.csv", CleanCsv), "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("csv", root.GetProperty("format").GetString());
        Assert.Equal(5, root.GetProperty("rows").GetInt64());
        Assert.Equal(5, root.GetProperty("valid").GetInt64());
        Assert.Equal(4, root.GetProperty("columns").GetProperty("municipality").GetProperty("filled").GetInt64());
        Assert.Equal(2, root.GetProperty("columns").GetProperty("kind").GetProperty("filled").GetInt64());
        Assert.Equal(2, root.GetProperty("categories").GetProperty("toimeentulo").GetInt64());
        Assert.Equal(2, root.GetProperty("categories").GetProperty("").GetInt64());
        Assert.Equal(["2023/2", "2024/1", "2024/2", ""], root.GetProperty("periods").EnumerateObject().Select(p => p.Name).OrderBy(n => n == "" ? "z" : n, StringComparer.Ordinal));
        Assert.Equal(2, root.GetProperty("periods").GetProperty("2024/1").GetInt64());
        Assert.Equal(4, root.GetProperty("kinds").GetProperty("epakohta").GetInt64());
        Assert.Equal(4, root.GetProperty("languages").GetProperty("fi").GetInt64());
        Assert.Equal(0, root.GetProperty("problems").GetArrayLength());
        Assert.True(root.GetProperty("problems_complete").GetBoolean());
    }

    [Fact]
    public async Task Problems_are_listed_with_file_row_and_field_and_exit_one()
    {
        using var dir = new TempFolder();
        var path = dir.Write("r.jsonl",
            "{\"id\":\"A\",\"phenomenon\":\"ok\",\"reported_at\":\"2024-01-01\"}\n" +
            "{\"id\":\"B\",\"phenomenon\":\"\"}\n" +
            "{\"id\":\"A\",\"phenomenon\":\"ok\",\"reported_at\":\"1.2.2024\",\"extra\":1}\n");
        var (code, output, _) = await CliHarness.InProcessAsync("validate", path, "--json");
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        var problems = doc.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("row").GetInt64()} {p.GetProperty("field").GetString()}").ToList();
        Assert.Equal(["error 2 phenomenon", "warning 3 extra", "error 3 reported_at", "error 3 id"], problems);

        var (textCode, text, _) = await CliHarness.InProcessAsync("validate", path);
        Assert.Equal(1, textCode);
        Assert.Contains($"virhe    {path}:2: 'phenomenon': ilmiön kuvaus puuttuu tai on tyhjä (pakollinen)", text, StringComparison.Ordinal);
        Assert.Contains($"virhe    {path}:3: 'id': id 'A' on jo rivillä 1", text, StringComparison.Ordinal);
        Assert.Contains($"varoitus {path}:3: 'extra': tuntematon kenttä", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warnings_alone_still_exit_zero()
    {
        using var dir = new TempFolder();
        var (code, output, _) = await CliHarness.InProcessAsync("validate", dir.Write("r.csv", "id,phenomenon,huomio\n1,teksti,x\n"));
        Assert.Equal(0, code);
        Assert.Contains("'huomio': tuntematon sarake", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skip_invalid_writes_the_rejected_rows_file()
    {
        using var dir = new TempFolder();
        var path = dir.Write("r.csv", "id,phenomenon,categories\n1,ok,asuminen\n2,ok,tuntematon\n");
        var rejected = dir.File("hylatyt.jsonl");
        var (code, output, _) = await CliHarness.InProcessAsync("validate", path, "--taxonomy", dir.Write("t.json", TaxonomyJson), "--rejected", rejected);
        Assert.Equal(1, code);
        Assert.Contains($"Hylätyt rivit (1) kirjoitettu tiedostoon {rejected}", output, StringComparison.Ordinal);
        var line = Assert.Single(await File.ReadAllLinesAsync(rejected, TestContext.Current.CancellationToken));
        using var doc = JsonDocument.Parse(line);
        Assert.Equal(3, doc.RootElement.GetProperty("row").GetInt64());
        Assert.Equal("tuntematon luokka 'tuntematon' (ei annetussa luokituksessa)", doc.RootElement.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Unreadable_files_exit_two_with_one_clear_line()
    {
        using var dir = new TempFolder();
        var (missing, _, missingErr) = await CliHarness.ProcessAsync("validate", dir.File("ei-ole.csv"));
        Assert.Equal(2, missing);
        Assert.Contains("tiedostoa ei löydy", missingErr, StringComparison.Ordinal);

        var (noColumn, _, noColumnErr) = await CliHarness.ProcessAsync("validate", dir.Write("r.csv", "id,proposal\n1,x\n"));
        Assert.Equal(2, noColumn);
        Assert.Equal($"sosrap: virhe: {dir.File("r.csv")}:1: 'phenomenon': pakollinen sarake puuttuu otsikkoriviltä", noColumnErr.Trim());

        var (unknown, _, unknownErr) = await CliHarness.ProcessAsync("validate", dir.Write("r.txt", "x"));
        Assert.Equal(2, unknown);
        Assert.Contains("tiedostomuotoa ei tunnisteta", unknownErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exit_codes_from_the_real_process()
    {
        using var dir = new TempFolder();
        Assert.Equal(0, (await CliHarness.ProcessAsync("validate", dir.Write("ok.csv", CleanCsv))).Code);
        var (bad, output, _) = await CliHarness.ProcessAsync("validate", dir.Write("bad.csv", "id,phenomenon\n1,\n"));
        Assert.Equal(1, bad);
        Assert.Contains("bad.csv:2: 'phenomenon'", output, StringComparison.Ordinal);
    }
}

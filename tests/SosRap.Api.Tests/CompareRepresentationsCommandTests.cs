namespace SosRap.Api.Tests;

public sealed class CompareRepresentationsCommandTests
{
    private static readonly string[] Train =
    [
        Line("T1", "Vuokravakuuksia ei myönnetä ja asiakkaat jäävät ilman asuntoa.", "asuminen", "asuminen"),
        Line("T2", "Vuokranantajat vaativat vakuuden, asunto menee seuraavalle.", "asuminen", "asuminen"),
        Line("T3", "Häätöjä on enemmän, kun vuokrat nousivat.", "asuminen", "asuminen"),
        Line("T4", "Bussivuoroja karsittiin ja asiointi kaupungissa vaikeutuu.", "liikkuminen", "liikkuminen"),
        Line("T5", "Kyytejä ei saa, koska bussi kulkee vain kahdesti viikossa.", "liikkuminen", "liikkuminen"),
        Line("T6", "Kuljetuspalvelun matkoja vähennettiin ja linja-autot eivät kulje.", "liikkuminen", "liikkuminen"),
    ];

    private static readonly string[] Test =
    [
        Line("Q1", "Asiakas ei saa asuntoa, koska vakuutta ei ole.", "asuminen", "asuminen"),
        Line("Q2", "Bussi ei kulje iltaisin, joten asiointi on vaikeaa.", "liikkuminen", "liikkuminen"),
    ];

    [Fact]
    public async Task Writes_suggestions_clusters_and_a_summary_table()
    {
        using var dir = new TempFolder();
        var train = dir.Write("train.jsonl", string.Join('\n', Train) + "\n");
        var test = dir.Write("test.jsonl", string.Join('\n', Test) + "\n");
        var all = dir.Write("all.jsonl", string.Join('\n', Train.Concat(Test)) + "\n");
        var (code, output, error) = await CliHarness.InProcessAsync("compare-representations", "--train", train, "--test", test, "--cluster-input", all,
            "--representations", "tfidf,lsa(dim=2)", "--neighbors", "3", "--out", dir.File("out"));
        Assert.Equal(0, code);
        Assert.Contains("| `tfidf` | sparse |", output, StringComparison.Ordinal);
        Assert.Contains("| `lsa(dim=2)` | dense | 2 |", output, StringComparison.Ordinal);
        Assert.Contains("tulokset hakemistossa", error, StringComparison.Ordinal);
        Assert.DoesNotContain("vakuutta", error, StringComparison.Ordinal); // never report text in the log
        foreach (var label in new[] { "tfidf", "lsa-dim2" })
        {
            var suggestions = await File.ReadAllLinesAsync(dir.File($"out/{label}.suggestions.jsonl"), TestContext.Current.CancellationToken);
            Assert.Equal(2, suggestions.Length);
            Assert.StartsWith("{\"id\":\"Q1\",\"suggestions\":[{\"category\":\"asuminen\"", suggestions[0], StringComparison.Ordinal);
            Assert.StartsWith("{\"id\":\"Q2\",\"suggestions\":[{\"category\":\"liikkuminen\"", suggestions[1], StringComparison.Ordinal);
            Assert.Equal(8, (await File.ReadAllLinesAsync(dir.File($"out/{label}.clusters.jsonl"), TestContext.Current.CancellationToken)).Length);
        }

        Assert.True(File.Exists(dir.File("out/summary.json")));
    }

    [Fact]
    public async Task An_unknown_representation_is_one_clear_line_and_exit_code_2()
    {
        using var dir = new TempFolder();
        var train = dir.Write("train.jsonl", string.Join('\n', Train) + "\n");
        var (code, _, error) = await CliHarness.ProcessAsync("compare-representations", "--train", train, "--folds", "2",
            "--representations", "tfidf,bert", "--out", dir.File("out"));
        Assert.Equal(2, code);
        Assert.Equal("sosrap: virhe: '--representations': tuntematon esitystapa 'bert' (tunnetut: lsa, tfidf)", error.Trim());
    }

    private static string Line(string id, string text, string category, string theme) =>
        $"{{\"id\":\"{id}\",\"phenomenon\":\"{text}\",\"categories\":[\"{category}\"],\"theme\":\"{theme}\"}}";
}

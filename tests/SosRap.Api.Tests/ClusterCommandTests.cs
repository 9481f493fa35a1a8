using System.Text.Json;

namespace SosRap.Api.Tests;

/// <summary>The cluster and themes verbs end to end on the project's sample reports.</summary>
public sealed class ClusterCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Sample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SosRap.sln"))) return Path.Combine(dir.FullName, "data", "sample_reports.jsonl");
        }

        throw new FileNotFoundException("SosRap.sln not found above the test binaries.");
    }

    [Fact]
    public async Task Cluster_writes_assignments_descriptions_and_a_self_contained_page()
    {
        using var dir = new TempFolder();
        var (code, _, error) = await CliHarness.InProcessAsync("cluster", "--input", Sample(), "--output", dir.File("assign.jsonl"),
            "--clusters", dir.File("clusters.jsonl"), "--html", dir.File("page.html"));
        Assert.Equal(0, code);
        Assert.Contains("200 raporttia →", error, StringComparison.Ordinal);

        var ids = (await File.ReadAllLinesAsync(Sample(), Ct)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        var assignments = (await File.ReadAllLinesAsync(dir.File("assign.jsonl"), Ct)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(ids, assignments.Select(a => a.GetProperty("id").GetString()));
        Assert.All(assignments, a => Assert.Equal(JsonValueKind.String, a.GetProperty("cluster").ValueKind));

        var clusters = (await File.ReadAllLinesAsync(dir.File("clusters.jsonl"), Ct)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(assignments.Select(a => a.GetProperty("cluster").GetString()).Where(c => c != "-1").Distinct().Order(), clusters.Select(c => c.GetProperty("id").GetString()).Order());
        foreach (var c in clusters)
        {
            Assert.Contains(" · ", c.GetProperty("label").GetString(), StringComparison.Ordinal);
            Assert.True(c.GetProperty("keywords")[0].GetProperty("weight").GetDouble() > 0);
            Assert.Equal(c.GetProperty("size").GetInt32(), c.GetProperty("members").GetArrayLength());
            Assert.Equal(["2024-H1", "2024-H2", "2025-H1", "2025-H2"], c.GetProperty("periods").EnumerateObject().Select(p => p.Name));
            Assert.Contains(c.GetProperty("trend").GetString(), new[] { "new", "growing", "stable", "declining", "undetermined" });
            Assert.InRange(c.GetProperty("representatives").GetArrayLength(), 1, 3);
        }

        var html = await File.ReadAllTextAsync(dir.File("page.html"), Ct);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_renders_in_a_real_browser_with_one_section_and_chart_per_theme()
    {
        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium)) Assert.Skip("Debian chromium is not installed (apt-get install chromium)");
        using var dir = new TempFolder();
        var (code, _, _) = await CliHarness.InProcessAsync("cluster", "--input", Sample(), "--output", dir.File("a.jsonl"), "--clusters", dir.File("c.jsonl"), "--html", dir.File("page.html"));
        Assert.Equal(0, code);
        var clusters = (await File.ReadAllLinesAsync(dir.File("c.jsonl"), Ct)).Length;
        var start = new System.Diagnostics.ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + dir.File("page.html") }) start.ArgumentList.Add(a);
        using var browser = System.Diagnostics.Process.Start(start)!;
        var dom = browser.StandardOutput.ReadToEndAsync(Ct);
        _ = browser.StandardError.ReadToEndAsync(Ct);
        await browser.WaitForExitAsync(Ct);
        var text = await dom;
        // The DOM as the browser built it: every theme section and its SVG chart survived parsing.
        Assert.Equal(clusters, System.Text.RegularExpressions.Regex.Matches(text, "<section class=\"theme").Count);
        Assert.Equal(clusters, System.Text.RegularExpressions.Regex.Matches(text, "<svg ").Count);
        Assert.Contains("lang=\"fi\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerun_with_previous_keeps_ids_and_parquet_output_is_written()
    {
        using var dir = new TempFolder();
        Assert.Equal(0, (await CliHarness.InProcessAsync("cluster", "--input", Sample(), "--output", dir.File("a1.jsonl"), "--clusters", dir.File("c1.jsonl"), "--seed", "1")).Code);
        Assert.Equal(0, (await CliHarness.InProcessAsync("cluster", "--input", Sample(), "--output", dir.File("a2.jsonl"), "--previous", dir.File("c1.jsonl"), "--seed", "1")).Code);
        Assert.Equal(await File.ReadAllTextAsync(dir.File("a1.jsonl"), Ct), await File.ReadAllTextAsync(dir.File("a2.jsonl"), Ct));

        var (code, _, _) = await CliHarness.InProcessAsync("cluster", "--input", Sample(), "--output", dir.File("a.parquet"), "--clusters", dir.File("c.parquet"), "--format", "parquet");
        Assert.Equal(0, code);
        await using var stream = File.OpenRead(dir.File("a.parquet"));
        var rows = await Parquet.Serialization.ParquetSerializer.DeserializeAsync<SosRap.Pipeline.Clustering.ClusterParquet.AssignmentRow>(stream, cancellationToken: Ct);
        Assert.Equal(200, rows.Data.Count);
        Assert.All(rows.Data, r => Assert.False(string.IsNullOrEmpty(r.Cluster)));
        Assert.True(new FileInfo(dir.File("c.parquet")).Length > 0);
    }

    [Fact]
    public async Task Themes_flags_the_new_phenomenon_of_2025_against_the_2024_history()
    {
        using var dir = new TempFolder();
        var lines = await File.ReadAllLinesAsync(Sample(), Ct);
        var old = lines.Where(l => JsonDocument.Parse(l).RootElement.GetProperty("reported_at").GetString()!.StartsWith("2024", StringComparison.Ordinal)).ToArray();
        var recent = lines.Except(old).ToArray();
        var history = dir.Write("old.jsonl", string.Join('\n', old) + "\n");
        var batch = dir.Write("new.jsonl", string.Join('\n', recent) + "\n");
        var (code, output, _) = await CliHarness.InProcessAsync("themes", "--history", history, "--input", batch, "--output", dir.File("a.jsonl"), "--json");
        Assert.Equal(0, code);
        var candidates = JsonDocument.Parse(output).RootElement;
        var candidate = Assert.Single(candidates.EnumerateArray());
        // The gold theme of its members (the test reads it; the verb never does).
        var theme = recent.ToDictionary(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!, l => JsonDocument.Parse(l).RootElement.GetProperty("theme").GetString());
        var members = candidate.GetProperty("members").EnumerateArray().Select(m => theme[m.GetString()!]).ToList();
        Assert.True(members.Count(t => t == "pankkipalvelujen_katoaminen") >= 0.8 * members.Count);
        Assert.Equal(recent.Length, (await File.ReadAllLinesAsync(dir.File("a.jsonl"), Ct)).Length);

        var (tableCode, table, _) = await CliHarness.InProcessAsync("themes", "--history", history, "--input", batch);
        Assert.Equal(0, tableCode);
        Assert.StartsWith("Uusia ilmiöehdokkaita 1", table, StringComparison.Ordinal);
        Assert.Contains("UUSI ILMIÖ", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Themes_with_a_model_trained_by_train_uses_its_redacted_history()
    {
        using var dir = new TempFolder();
        var lines = await File.ReadAllLinesAsync(Sample(), Ct);
        var old = lines.Where(l => JsonDocument.Parse(l).RootElement.GetProperty("reported_at").GetString()!.StartsWith("2024", StringComparison.Ordinal)).ToArray();
        var recent = lines.Except(old).ToArray();
        var history = dir.Write("old.jsonl", string.Join('\n', old) + "\n");
        var batch = dir.Write("new.jsonl", string.Join('\n', recent) + "\n");
        var model = dir.File("model");
        var (trainCode, _, trainError) = await CliHarness.InProcessAsync("train", "--input", history, "--taxonomy", SuggestVerbsTests.Data("taxonomy.json"), "--model", model, "--folds", "3");
        Assert.True(trainCode == 0, trainError);

        // The model directory keeps the training reports as history, redacted: a report of the
        // sample data that holds a phone number or a personal identity code keeps none of it.
        var stored = await File.ReadAllLinesAsync(Path.Combine(model, "history.jsonl"), Ct);
        Assert.Equal(old.Length, stored.Length);
        var pii = old.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.TryGetProperty("contains_pii", out var c) && c.ValueKind == JsonValueKind.True)
            .Select(r => r.GetProperty("id").GetString()!).ToHashSet();
        Assert.NotEmpty(pii);
        foreach (var line in stored)
        {
            var row = JsonDocument.Parse(line).RootElement;
            if (!pii.Contains(row.GetProperty("id").GetString()!)) continue;
            var text = row.GetProperty("phenomenon").GetString() + " " + row.GetProperty("proposal").GetString();
            Assert.Contains("[", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\b0\d{2}[ -]?\d{3}[ -]?\d{3,4}\b|\d{6}[-+A]\d{3}[0-9A-Y]", text);
        }

        var (code, output, error) = await CliHarness.InProcessAsync("themes", "--model", model, "--input", batch, "--json");
        Assert.True(code == 0, error);
        var candidate = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray());
        var theme = recent.ToDictionary(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!, l => JsonDocument.Parse(l).RootElement.GetProperty("theme").GetString());
        var members = candidate.GetProperty("members").EnumerateArray().Select(m => theme[m.GetString()!]).ToList();
        Assert.True(members.Count(t => t == "pankkipalvelujen_katoaminen") >= 0.8 * members.Count);
    }

    [Fact]
    public async Task A_date_range_clusters_only_the_reports_dated_within_it()
    {
        using var dir = new TempFolder();
        var expected = (await File.ReadAllLinesAsync(Sample(), Ct))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => string.CompareOrdinal(r.GetProperty("reported_at").GetString(), "2024-07-01") >= 0
                && string.CompareOrdinal(r.GetProperty("reported_at").GetString(), "2024-12-31") <= 0)
            .Select(r => r.GetProperty("id").GetString()!).ToHashSet();
        Assert.NotEmpty(expected);
        var (code, _, error) = await CliHarness.InProcessAsync("cluster", "--input", Sample(), "--output", dir.File("a.jsonl"), "--from", "2024-07-01", "--to", "2024-12-31");
        Assert.True(code == 0, error);
        var ids = (await File.ReadAllLinesAsync(dir.File("a.jsonl"), Ct)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToHashSet();
        Assert.Equal(expected, ids);

        (code, _, error) = await CliHarness.ProcessAsync("cluster", "--input", Sample(), "--output", dir.File("b.jsonl"), "--from", "2030-01-01");
        Assert.Equal(2, code);
        Assert.Contains("aikavälillä ei ole yhtään raporttia", error, StringComparison.Ordinal);
        (code, _, error) = await CliHarness.ProcessAsync("cluster", "--input", Sample(), "--output", dir.File("b.jsonl"), "--to", "31.12.2024");
        Assert.Equal(2, code);
        Assert.Contains("--to", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_are_named_in_Finnish()
    {
        using var dir = new TempFolder();
        var (code, _, error) = await CliHarness.ProcessAsync("cluster", "--input", Sample(), "--output", dir.File("a.jsonl"), "--method", "dbscan");
        Assert.Equal(2, code);
        Assert.Contains("tuntematon menetelmä 'dbscan'", error, StringComparison.Ordinal);
        (code, _, error) = await CliHarness.ProcessAsync("themes", "--input", Sample());
        Assert.Equal(2, code);
        Assert.Contains("--history", error, StringComparison.Ordinal);
        (code, _, error) = await CliHarness.ProcessAsync("cluster", "--input", Sample(), "--output", dir.File("a.jsonl"), "--k", "0");
        Assert.Equal(2, code);
        Assert.Contains("--k", error, StringComparison.Ordinal);
    }
}

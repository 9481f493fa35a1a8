using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SosRap.Api.Hosting;

namespace SosRap.Api.Tests.Service;

/// <summary>The service as <c>sosrap serve</c> starts it with no options: Development, demo users and keys, the sample reports.</summary>
public sealed class DemoService : SqliteService
{
    protected override string EnvironmentName => "Development";
}

/// <summary>Demo mode: keys that survive restarts, 200 redacted sample reports, statistics that match the files.</summary>
public sealed partial class DemoModeTests(DemoService fixture) : ServiceTests(fixture), IClassFixture<DemoService>
{
    private static readonly string[] Slugs = ["tyontekija", "tyontekija2", "esihenkilo", "esihenkilo2", "tyoryhma", "tutkija", "yllapitaja"];

    private Dictionary<string, string> DemoKeys() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(Fx.DataDirectory, "demo-keys.json")))!;

    [Fact]
    public async Task Each_demo_key_in_the_private_keys_file_signs_in_with_its_role()
    {
        var file = Path.Combine(Fx.DataDirectory, "demo-keys.json");
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var keys = DemoKeys();
        Assert.Equal(Slugs.Order(), keys.Keys.Order());
        var roles = new Dictionary<string, string>
        {
            ["tyontekija"] = "tyontekija", ["tyontekija2"] = "tyontekija", ["esihenkilo"] = "esihenkilo", ["esihenkilo2"] = "esihenkilo",
            ["tyoryhma"] = "tyoryhma", ["tutkija"] = "tutkija", ["yllapitaja"] = "yllapitaja",
        };
        foreach (var (slug, key) in keys)
        {
            using var client = Fx.NewClient(key);
            var me = await client.GetJsonAsync("/api/me", Ct);
            Assert.Equal(roles[slug], me.Body["role"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_second_start_keeps_the_keys_and_imports_nothing_again()
    {
        var before = DemoKeys();
        var again = await Fx.App.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(Ct);
        Assert.Equal(0, again.SampleReportsImported);
        Assert.Equal(before.OrderBy(kv => kv.Key), again.DemoKeys.Select(k => KeyValuePair.Create(k.Account.Slug, k.Key)).OrderBy(kv => kv.Key));
        using var group = Fx.NewClient(before["tyoryhma"]);
        Assert.True((await group.GetJsonAsync("/api/reports?page_size=1", Ct)).Body["total"]!.GetValue<long>() >= 200);
    }

    [Fact]
    public async Task The_sample_reports_are_stored_redacted()
    {
        using var group = Fx.NewClient(DemoKeys()["tyoryhma"]);
        var stored = new List<JsonNode>();
        foreach (var sample in RepoFiles.SampleReports())
        {
            var reply = await group.GetJsonAsync("/api/reports/" + sample["id"], Ct);
            Assert.Equal(200, reply.Code);
            stored.Add(reply.Body);
        }

        var all = string.Join("\n", stored.Select(r => r["phenomenon"]!.GetValue<string>() + "\n" + r["proposal"]!.GetValue<string>()));
        var raw = RepoFiles.SampleReports().Where(r => r["contains_pii"]!.GetValue<bool>())
            .Select(r => r["phenomenon"]!.GetValue<string>() + "\n" + r["proposal"]!.GetValue<string>()).ToList();
        var identityCodes = raw.SelectMany(t => IdentityCode().Matches(t).Select(m => m.Value)).ToList();
        var emails = raw.SelectMany(t => Email().Matches(t).Select(m => m.Value)).ToList();
        Assert.Equal(3, identityCodes.Count);
        Assert.Equal(2, emails.Count);
        foreach (var pii in identityCodes.Concat(emails)) Assert.DoesNotContain(pii, all, StringComparison.Ordinal);
        Assert.Contains("[HETU]", all, StringComparison.Ordinal);

        // Every report flagged as holding personal data had something removed.
        var flagged = RepoFiles.SampleReports().Where(r => r["contains_pii"]!.GetValue<bool>()).Select(r => r["id"]!.GetValue<string>()).ToHashSet();
        Assert.All(stored.Where(r => flagged.Contains(r["id"]!.GetValue<string>())), r => Assert.True(r["redaction"]!["total"]!.GetValue<int>() > 0));
    }

    [Fact]
    public async Task Statistics_of_the_samples_match_counts_computed_from_the_files()
    {
        using var group = Fx.NewClient(DemoKeys()["tyoryhma"]);
        var handled = new[] { "alkukasitelty", "tyoryhmassa", "raportoitu", "valitetty" };
        var states = new Dictionary<string, string>();
        foreach (var sample in RepoFiles.SampleReports())
            states[sample["id"]!.GetValue<string>()] = (await group.GetJsonAsync("/api/reports/" + sample["id"], Ct)).Body["state"]!.GetValue<string>();

        var needs = RepoFiles.TaxonomyNeeds();
        var samples = RepoFiles.SampleReports().Where(r => handled.Contains(states[r["id"]!.GetValue<string>()])
            && r["reported_at"]!.GetValue<string>().StartsWith("2024", StringComparison.Ordinal)).ToList();
        var expectedByNeed = samples
            .SelectMany(r => r["categories"]!.AsArray().Select(c => needs[c!.GetValue<string>()]).Distinct())
            .GroupBy(n => n).ToDictionary(g => g.Key, g => (long)g.Count());
        var expectedByCategory = samples.SelectMany(r => r["categories"]!.AsArray().Select(c => c!.GetValue<string>()))
            .GroupBy(c => c).ToDictionary(g => g.Key, g => (long)g.Count());

        var byNeed = await group.GetJsonAsync("/api/statistics?dimension=support_need&period=2024", Ct);
        Assert.Equal(samples.Count, byNeed.Body["reports"]!.GetValue<long>());
        foreach (var row in byNeed.Body["rows"]!.AsArray())
            Assert.Equal(expectedByNeed.GetValueOrDefault(row!["key"]!.GetValue<string>()), row["count"]!.GetValue<long>());
        var byCategory = await group.GetJsonAsync("/api/statistics?period=2024", Ct);
        foreach (var row in byCategory.Body["rows"]!.AsArray())
            Assert.Equal(expectedByCategory.GetValueOrDefault(row!["key"]!.GetValue<string>()), row["count"]!.GetValue<long>());
    }

    [GeneratedRegex(@"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b")]
    private static partial Regex IdentityCode();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+")]
    private static partial Regex Email();
}

using System.Text.Json.Nodes;

namespace SosRap.Api.Tests.Service;

/// <summary>Counts per category, per 11 § support need and per law item, grouped, filtered, and suppressed for researchers.</summary>
public abstract class StatisticsTests(ServiceFixture fixture) : ServiceTests(fixture)
{
    /// <summary>Submits as worker-a in <paramref name="town"/> and confirms the categories (state alkukasitelty).</summary>
    private async Task<JsonNode> Handled(string town, string date, params string[] categories)
    {
        var report = await Fx.SubmitAsync("worker-a", municipality: town, reportedAt: date, categories: categories);
        var moved = await Fx.Client("lead-a").PostJsonAsync($"/api/reports/{report["id"]}/transitions", new { to = "alkukasitelty" }, Ct);
        Assert.Equal(200, moved.Code);
        return report;
    }

    private async Task<Dictionary<(string Key, string? Group), long?>> Counts(string user, string query)
    {
        var reply = await Fx.Client(user).GetJsonAsync("/api/statistics?" + query, Ct);
        Assert.Equal(200, reply.Code);
        return reply.Body["rows"]!.AsArray().ToDictionary(
            r => (r!["key"]!.GetValue<string>(), r["group"]?.GetValue<string>()),
            r => r!["count"]?.GetValue<long>());
    }

    [Fact]
    public async Task Categories_count_each_report_per_category_and_needs_count_each_report_once_per_need()
    {
        var town = UniqueWord();
        await Handled(town, "2025-01-10", "toimeentulo", "velat");      // both → taloudellinen_tuki
        await Handled(town, "2025-02-10", "velat");
        await Handled(town, "2025-03-10", "asuminen", "toimeentulo");
        await Fx.SubmitAsync("worker-a", municipality: town, reportedAt: "2025-03-11", categories: ["velat"]); // still new: not counted

        var byCategory = await Counts("group", $"municipality={town}");
        Assert.Equal(2, byCategory[("toimeentulo", null)]);
        Assert.Equal(2, byCategory[("velat", null)]);
        Assert.Equal(1, byCategory[("asuminen", null)]);
        // Every category of the default taxonomy is listed, the unused ones with zero.
        foreach (var id in RepoFiles.TaxonomyNeeds().Keys.Except(["toimeentulo", "velat", "asuminen"]))
            Assert.Equal(0, byCategory[(id, null)]);

        var byNeed = await Counts("group", $"municipality={town}&dimension=support_need");
        Assert.Equal(3, byNeed[("taloudellinen_tuki", null)]);
        Assert.Equal(1, byNeed[("asuminen", null)]);
        Assert.Equal(0, byNeed[("akilliset_kriisit", null)]);
        Assert.Equal(RepoFiles.SupportNeedItems().Keys.Order(), byNeed.Keys.Select(k => k.Key).Order());

        var reply = await Fx.Client("group").GetJsonAsync($"/api/statistics?municipality={town}&dimension=support_need", Ct);
        Assert.Equal(3, reply.Body["reports"]!.GetValue<long>());
    }

    [Fact]
    public async Task Law_items_merge_the_three_needs_of_item_8()
    {
        var town = UniqueWord();
        await Handled(town, "2025-01-10", "mielenterveys_paihteet", "ikaantyneet", "terveys");
        await Handled(town, "2025-01-11", "terveys");
        var byItem = await Counts("group", $"municipality={town}&dimension=law_item");
        Assert.Equal(2, byItem[("8", null)]);
        Assert.Equal(0, byItem[("2", null)]);
        Assert.Equal(RepoFiles.SupportNeedItems().Values.Distinct().Order().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            byItem.Keys.Select(k => k.Key).OrderBy(int.Parse));
    }

    [Fact]
    public async Task Counts_group_by_half_year_and_filter_by_period_and_kind()
    {
        var town = UniqueWord();
        await Handled(town, "2024-03-01", "asuminen");
        await Handled(town, "2024-09-01", "asuminen");
        await Handled(town, "2024-10-01", "asuminen");
        var byPeriod = await Counts("group", $"municipality={town}&group_by=period");
        Assert.Equal(1, byPeriod[("asuminen", "2024H1")]);
        Assert.Equal(2, byPeriod[("asuminen", "2024H2")]);
        Assert.Equal(2, byPeriod.Count);
        var h2 = await Counts("group", $"municipality={town}&period=2024H2");
        Assert.Equal(2, h2[("asuminen", null)]);
        Assert.Equal(0, (await Counts("group", $"municipality={town}&kind=hyva_kaytanto"))[("asuminen", null)]);
    }

    [Fact]
    public async Task Merged_duplicates_are_not_counted_again()
    {
        var town = UniqueWord();
        var kept = await Handled(town, "2025-04-01", "digi");
        var duplicate = await Fx.SubmitAsync("worker-a", municipality: town, reportedAt: "2025-04-02", categories: ["digi"]);
        await Fx.Client("lead-a").PostJsonAsync($"/api/reports/{duplicate["id"]}/transitions", new { to = "yhdistetty", merged_into = kept["id"]!.GetValue<string>() }, Ct);
        Assert.Equal(1, (await Counts("group", $"municipality={town}"))[("digi", null)]);
    }

    [Fact]
    public async Task Researchers_see_small_counts_suppressed_and_the_working_group_sees_them()
    {
        var town = UniqueWord();
        await Handled(town, "2025-05-01", "vakivalta");
        await Handled(town, "2025-05-02", "vakivalta", "lapset_perheet");
        await Handled(town, "2025-05-03", "vakivalta");
        var reply = await Fx.Client("researcher").GetJsonAsync($"/api/statistics?municipality={town}", Ct);
        Assert.Equal(3, reply.Body["suppressed_below"]!.GetValue<int>());
        var rows = reply.Body["rows"]!.AsArray();
        var violence = rows.Single(r => r!["key"]!.GetValue<string>() == "vakivalta")!;
        Assert.Equal(3, violence["count"]!.GetValue<long>());
        var children = rows.Single(r => r!["key"]!.GetValue<string>() == "lapset_perheet")!;
        Assert.Null(children["count"]);
        Assert.True(children["suppressed"]!.GetValue<bool>());
        Assert.Equal(0, rows.Single(r => r!["key"]!.GetValue<string>() == "digi")!["count"]!.GetValue<long>());
        Assert.Equal(1, (await Counts("group", $"municipality={town}"))[("lapset_perheet", null)]);
    }

    [Fact]
    public async Task Reports_of_different_taxonomy_versions_compare_on_support_needs()
    {
        var town = UniqueWord();
        await Handled(town, "2025-06-01", "asuminen");
        var id = "asunnottomuus_" + Guid.NewGuid().ToString("N")[..6];
        var added = await Fx.Client("admin").PostJsonAsync("/api/taxonomy/categories",
            new { category = new { id, name = "Asunnottomuus", description = "Asunnon puute.", support_need = "asuminen" } }, Ct);
        Assert.Equal(200, added.Code);
        await Handled(town, "2025-06-02", id);
        var byNeed = await Counts("group", $"municipality={town}&dimension=support_need");
        Assert.Equal(2, byNeed[("asuminen", null)]);
        var byCategory = await Counts("group", $"municipality={town}");
        Assert.Equal(1, byCategory[("asuminen", null)]);
        Assert.Equal(1, byCategory[(id, null)]);
    }
}

public sealed class StatisticsSqliteTests(SqliteService fixture) : StatisticsTests(fixture), IClassFixture<SqliteService>;

public sealed class StatisticsPostgresTests(PostgresService fixture) : StatisticsTests(fixture), IClassFixture<PostgresService>;

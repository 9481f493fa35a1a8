using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SosRap.Api.Services;

namespace SosRap.Api.Tests.Service;

/// <summary>The service with the scripted analysis plugged into its seams.</summary>
public class ScriptedSqliteService : SqliteService
{
    internal ScriptedAnalysis Analysis { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => ScriptedPostgresService.Plug(services, Analysis);
}

/// <summary>The same on PostgreSQL.</summary>
public class ScriptedPostgresService : PostgresService
{
    internal ScriptedAnalysis Analysis { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => Plug(services, Analysis);

    internal static void Plug(IServiceCollection services, ScriptedAnalysis analysis)
    {
        services.AddSingleton<ISuggestionService>(analysis);
        services.AddSingleton<ISimilarReportService>(analysis);
        services.AddSingleton<IThemeService>(analysis);
    }
}

/// <summary>
/// What the service does with the analysis pipeline's answers: stores suggestions with the report,
/// records reviewers' decisions and passes them back, ranks and filters for /api/suggest, maps
/// clusters and themes, and turns a theme into a new taxonomy version.
/// </summary>
public abstract class AnalysisSeamTests(ServiceFixture fixture) : ServiceTests(fixture)
{
    private ScriptedAnalysis Analysis => Fx switch
    {
        ScriptedSqliteService s => s.Analysis,
        ScriptedPostgresService p => p.Analysis,
        _ => throw new InvalidOperationException(),
    };

    private static (string, double, string?)[] Items(JsonNode suggestions) =>
        suggestions["items"]!.AsArray().Select(i => (i!["category"]!.GetValue<string>(), i["score"]!.GetValue<double>(), i["decision"]?.GetValue<string>())).ToArray();

    [Fact]
    public async Task Submitting_stores_the_known_suggestions_with_names_and_evidence_and_finds_similar_reports()
    {
        var earlier = await Fx.SubmitAsync("worker-a");
        var report = await Fx.SubmitAsync("worker-a");
        var suggestions = report["suggestions"]!;
        Assert.Equal("ok", suggestions["status"]!.GetValue<string>());
        Assert.Equal(ScriptedAnalysis.Model, suggestions["model_version"]!.GetValue<string>());
        Assert.Equal([("asuminen", 0.9, null), ("toimeentulo", 0.6, null), ("velat", 0.2, null)], Items(suggestions));
        Assert.Equal("Asuminen ja asunnottomuus", suggestions["items"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(["vuokra", "vakuus"], suggestions["items"]![0]!["evidence"]!["lemmas"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal(["S-1"], suggestions["items"]![0]!["evidence"]!["similar_report_ids"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("ok", report["similar"]!["status"]!.GetValue<string>());
        Assert.Equal(earlier["id"]!.GetValue<string>(), report["similar"]!["items"]![0]!["id"]!.GetValue<string>());

        var stored = await Fx.Client("lead-a").GetJsonAsync($"/api/reports/{report["id"]}", Ct);
        Assert.Equal(Items(suggestions), Items(stored.Body["suggestions"]!));
        Assert.Null(stored.Body["similar"]);
    }

    [Fact]
    public async Task The_suggester_sees_only_redacted_text()
    {
        await Fx.SubmitAsync("worker-a", phenomenon: "Asiakas Aino Virtanen soitti.");
        Assert.Contains("Asiakas [NIMI] soitti.", Analysis.SuggestedTexts);
        Assert.DoesNotContain(Analysis.SuggestedTexts, t => t.Contains("Virtanen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_suggester_never_loses_a_report()
    {
        var reply = await Fx.Client("worker-a").PostJsonAsync("/api/reports",
            new { phenomenon = "Teksti " + ScriptedAnalysis.Fail, service_area = ServiceFixture.AreaA }, Ct);
        Assert.Equal(201, reply.Code);
        Assert.Equal("unavailable", reply.Body["suggestions"]!["status"]!.GetValue<string>());
        Assert.Equal(200, (await Fx.Client("worker-a").GetJsonAsync($"/api/reports/{reply.Body["id"]}", Ct)).Code);
    }

    [Fact]
    public async Task Feedback_updates_categories_records_decisions_and_teaches_the_suggester()
    {
        var report = await Fx.SubmitAsync("worker-a", categories: ["toimeentulo"]);
        var id = report["id"]!.GetValue<string>();
        var reply = await Fx.Client("lead-a").PostJsonAsync($"/api/reports/{id}/feedback",
            new { accepted = new[] { "asuminen" }, rejected = new[] { "toimeentulo" }, added = new[] { "lapset_perheet" } }, Ct);
        Assert.Equal(200, reply.Code);
        Assert.Equal(["asuminen", "lapset_perheet"], reply.Body["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal([("asuminen", 0.9, "accepted"), ("toimeentulo", 0.6, "rejected"), ("velat", 0.2, null)], Items(reply.Body["suggestions"]!));
        var learned = Analysis.Learned.Last(l => l.Id == id);
        Assert.Equal(["asuminen", "lapset_perheet"], learned.Categories.Order());

        var feedback = await Fx.Client("group").GetJsonAsync("/api/feedback?limit=1000", Ct);
        var mine = feedback.Body["items"]!.AsArray().Where(i => i!["report_id"]!.GetValue<string>() == id)
            .Select(i => (i!["category"]!.GetValue<string>(), i["decision"]!.GetValue<string>(), i["suggested_score"]?.GetValue<double>())).ToList();
        Assert.Equal([("asuminen", "accepted", 0.9), ("toimeentulo", "rejected", 0.6), ("lapset_perheet", "added", (double?)null)], mine);

        // Confirming records the remaining suggestion (velat, not kept) as rejected, and nothing twice.
        await Fx.Client("lead-a").PostJsonAsync($"/api/reports/{id}/transitions", new { to = "alkukasitelty" }, Ct);
        var after = await Fx.Client("group").GetJsonAsync("/api/feedback?limit=1000", Ct);
        var decisions = after.Body["items"]!.AsArray().Where(i => i!["report_id"]!.GetValue<string>() == id)
            .Select(i => i!["category"]!.GetValue<string>() + ":" + i["decision"]!.GetValue<string>()).ToList();
        Assert.Equal(["asuminen:accepted", "toimeentulo:rejected", "lapset_perheet:added", "velat:rejected"], decisions);
    }

    [Fact]
    public async Task Feedback_pages_through_decisions_with_a_cursor()
    {
        var report = await Fx.SubmitAsync("worker-a");
        await Fx.Client("lead-a").PostJsonAsync($"/api/reports/{report["id"]}/feedback", new { accepted = new[] { "asuminen", "velat" } }, Ct);
        var first = await Fx.Client("admin").GetJsonAsync("/api/feedback?limit=1", Ct);
        var next = first.Body["next_after"]!.GetValue<long>();
        var second = await Fx.Client("admin").GetJsonAsync($"/api/feedback?after={next}&limit=1", Ct);
        Assert.True(second.Body["items"]![0]!["id"]!.GetValue<long>() > next);
    }

    [Fact]
    public async Task Feedback_is_checked_against_the_suggestions_and_the_taxonomy()
    {
        var report = await Fx.SubmitAsync("worker-a");
        var url = $"/api/reports/{report["id"]}/feedback";
        var lead = Fx.Client("lead-a");
        Assert.Contains("accepted[0]", (await lead.PostJsonAsync(url, new { accepted = new[] { "digi" } }, Ct)).ErrorFields);
        Assert.Contains("rejected[0]", (await lead.PostJsonAsync(url, new { rejected = new[] { "ei_taksonomiassa" } }, Ct)).ErrorFields);
        Assert.Contains("added[0]", (await lead.PostJsonAsync(url, new { added = new[] { "asuminen" } }, Ct)).ErrorFields);
        Assert.Contains("added[0]", (await lead.PostJsonAsync(url, new { added = new[] { "keksitty" } }, Ct)).ErrorFields);
        Assert.Equal(400, (await lead.PostJsonAsync(url, new { }, Ct)).Code);
        Assert.Equal(400, (await lead.PostJsonAsync(url, new { accepted = new[] { "asuminen" }, rejected = new[] { "asuminen" } }, Ct)).Code);
    }

    [Fact]
    public async Task Categories_are_frozen_once_the_report_is_in_the_social_report()
    {
        var report = await Fx.SubmitAsync("worker-a");
        var url = $"/api/reports/{report["id"]}";
        await Fx.Client("lead-a").PostJsonAsync(url + "/transitions", new { to = "alkukasitelty" }, Ct);
        await Fx.Client("group").PostJsonAsync(url + "/transitions", new { to = "tyoryhmassa" }, Ct);
        Assert.Equal(200, (await Fx.Client("group").PostJsonAsync(url + "/feedback", new { accepted = new[] { "velat" } }, Ct)).Code);
        await Fx.Client("group").PostJsonAsync(url + "/transitions", new { to = "raportoitu", period = "2025H1" }, Ct);
        var late = await Fx.Client("group").PostJsonAsync(url + "/feedback", new { rejected = new[] { "velat" } }, Ct);
        Assert.Equal(409, late.Code);
    }

    [Fact]
    public async Task Suggest_ranks_filters_by_threshold_and_limit_and_redacts_first()
    {
        var reply = await Fx.Client("worker-a").PostJsonAsync("/api/suggest",
            new { text = "Vuokravakuus puuttuu, soita 040 1234567.", limit = 2, threshold = 0.5 }, Ct);
        Assert.Equal(200, reply.Code);
        Assert.Equal(ScriptedAnalysis.Model, reply.Body["model_version"]!.GetValue<string>());
        Assert.Equal(["asuminen", "toimeentulo"], reply.Body["suggestions"]!.AsArray().Select(s => s!["category"]!.GetValue<string>()));
        Assert.Equal(1, reply.Body["redaction"]!["kinds"]!["puhelin"]!.GetValue<int>());
        Assert.Contains("Vuokravakuus puuttuu, soita [PUHELIN].", Analysis.SuggestedTexts);
    }

    [Fact]
    public async Task Clusters_and_theme_candidates_come_from_the_theme_service()
    {
        await Fx.SubmitAsync("worker-a");
        var clusters = await Fx.Client("group").GetJsonAsync("/api/clusters?period=2025H2", Ct);
        Assert.Equal(200, clusters.Code);
        Assert.Equal("2025H2", clusters.Body["period"]!.GetValue<string>());
        var cluster = clusters.Body["clusters"]![0]!;
        Assert.Equal("vuokra · vakuus", cluster["label"]!.GetValue<string>());
        Assert.Equal(cluster["member_ids"]!.AsArray().Count, cluster["size"]!.GetValue<int>());
        Assert.Equal([("2025H1", 2), ("2025H2", 5)], cluster["trend"]!.AsArray().Select(t => (t!["period"]!.GetValue<string>(), t["count"]!.GetValue<int>())));

        var candidates = await Fx.Client("group").GetJsonAsync("/api/themes/candidates", Ct);
        Assert.Equal("c1", candidates.Body["candidates"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(0.8, candidates.Body["candidates"]![0]!["novelty"]!.GetValue<double>());
    }

    [Fact]
    public async Task Promoting_a_theme_creates_a_new_taxonomy_version_and_old_reports_keep_theirs()
    {
        var before = await Fx.SubmitAsync("worker-a");
        var beforeVersion = before["taxonomy_version"]!.GetValue<int>();
        var category = new
        {
            id = "pankkipalvelut" + Guid.NewGuid().ToString("N")[..6],
            name = "Pankki- ja käteispalvelut",
            description = "Pankkikonttorien ja käteisautomaattien katoaminen.",
            terms = new[] { "pankki", "käteinen" },
            support_need = "jokapaivainen_elama",
        };
        var promoted = await Fx.Client("group").PostJsonAsync("/api/themes/candidates/c1/promote", new { category }, Ct);
        Assert.Equal(200, promoted.Code);
        var version = promoted.Body["version"]!.GetValue<int>();
        Assert.True(version > beforeVersion);
        Assert.Contains(promoted.Body["categories"]!.AsArray(), c => c!["id"]!.GetValue<string>() == category.id);
        Assert.Equal(15, promoted.Body["categories"]!.AsArray().Count(c => !c!["id"]!.GetValue<string>().StartsWith("pankkipalvelut", StringComparison.Ordinal)) + 1);

        var current = await Fx.Client("worker-a").GetJsonAsync("/api/taxonomy", Ct);
        Assert.True(current.Body["version"]!.GetValue<int>() >= version);
        var old = await Fx.Client("worker-a").GetJsonAsync($"/api/reports/{before["id"]}", Ct);
        Assert.Equal(beforeVersion, old.Body["taxonomy_version"]!.GetValue<int>());
        var after = await Fx.SubmitAsync("worker-a", categories: [category.id]);
        Assert.True(after["taxonomy_version"]!.GetValue<int>() >= version);

        var audit = await Fx.Client("admin").GetJsonAsync($"/api/audit?entity_type=taxonomy&entity_id={version}", Ct);
        Assert.Equal("theme.promoted", audit.Body["items"]![0]!["action"]!.GetValue<string>());

        Assert.Equal(404, (await Fx.Client("group").PostJsonAsync("/api/themes/candidates/c999/promote", new { category }, Ct)).Code);
        Assert.Equal(409, (await Fx.Client("group").PostJsonAsync("/api/themes/candidates/c1/promote", new { category }, Ct)).Code);
    }
}

public sealed class AnalysisSeamSqliteTests(ScriptedSqliteService fixture) : AnalysisSeamTests(fixture), IClassFixture<ScriptedSqliteService>;

public sealed class AnalysisSeamPostgresTests(ScriptedPostgresService fixture) : AnalysisSeamTests(fixture), IClassFixture<ScriptedPostgresService>;

/// <summary>Without an analysis pipeline the analysis endpoints say so with 503, and nothing pretends to be a result.</summary>
public abstract class AnalysisUnavailableTests(ServiceFixture fixture) : ServiceTests(fixture)
{
    [Theory]
    [InlineData("POST", "/api/suggest")]
    [InlineData("GET", "/api/clusters")]
    [InlineData("GET", "/api/themes/candidates")]
    [InlineData("POST", "/api/themes/candidates/c1/promote")]
    public async Task Analysis_endpoints_answer_503_problem_details(string method, string url)
    {
        object? body = method == "POST"
            ? url.EndsWith("suggest", StringComparison.Ordinal)
                ? new { text = "Vuokravakuus." }
                : new { category = new { id = "x_uusi", name = "Uusi", description = "Kuvaus.", support_need = "asuminen" } }
            : null;
        var reply = await Fx.Client("group").SendJsonAsync(new HttpMethod(method), url, body, Ct);
        Assert.Equal(503, reply.Code);
        Assert.Equal("application/problem+json", reply.ContentType?.Split(';')[0]);
        Assert.False(string.IsNullOrEmpty(reply.Body["detail"]?.GetValue<string>()));
    }
}

public sealed class AnalysisUnavailableSqliteTests(SqliteService fixture) : AnalysisUnavailableTests(fixture), IClassFixture<SqliteService>;

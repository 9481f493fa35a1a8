using System.Text.Json.Nodes;

namespace SosRap.Api.Tests.Service;

/// <summary>The handling workflow: every allowed transition, the 409 for the others, who may do what, and the audit trail.</summary>
public abstract class WorkflowTests(ServiceFixture fixture) : ServiceTests(fixture)
{
    private async Task<Reply> Move(string user, JsonNode report, object body) =>
        await Fx.Client(user).PostJsonAsync($"/api/reports/{report["id"]}/transitions", body, Ct);

    private static string State(Reply reply) => reply.Body["state"]!.GetValue<string>();

    private static string[] Allowed(Reply reply) => reply.Body["allowed_transitions"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();

    [Fact]
    public async Task A_report_goes_from_uusi_through_every_state_to_valitetty()
    {
        var report = await Fx.SubmitAsync("worker-a", categories: ["asuminen"]);

        var handled = await Move("lead-a", report, new { to = "alkukasitelty", categories = new[] { "asuminen", "toimeentulo" } });
        Assert.Equal(200, handled.Code);
        Assert.Equal("alkukasitelty", State(handled));
        Assert.Equal(["asuminen", "toimeentulo"], handled.Body["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["tyoryhmassa"], Allowed(handled));

        var inGroup = await Move("lead-a", report, new { to = "tyoryhmassa" });
        Assert.Equal("tyoryhmassa", State(inGroup));
        Assert.Empty(Allowed(inGroup));

        var reported = await Move("group", report, new { to = "raportoitu", period = "2025H1" });
        Assert.Equal("raportoitu", State(reported));
        Assert.Equal("2025H1", reported.Body["reported_period"]!.GetValue<string>());
        Assert.Equal(["valitetty"], Allowed(reported));

        var forwarded = await Move("group", report, new { to = "valitetty", forwarded_to = "Kainuun HYTE-ryhmä" });
        Assert.Equal("valitetty", State(forwarded));
        Assert.Equal("Kainuun HYTE-ryhmä", forwarded.Body["forwarded_to"]!.GetValue<string>());
        Assert.Empty(Allowed(forwarded));
        Assert.Equal(5, forwarded.Body["version"]!.GetValue<int>());

        // The audit log holds each move with its previous value, newest first.
        var audit = await Fx.Client("group").GetJsonAsync($"/api/audit?entity_id={report["id"]}", Ct);
        var entries = audit.Body["items"]!.AsArray();
        Assert.Equal(["report.transition", "report.transition", "report.transition", "report.transition", "report.submitted"],
            entries.Select(e => e!["action"]!.GetValue<string>()));
        var states = entries.Take(4).Select(e => e!["changes"]!.AsArray().First(c => c!["field"]!.GetValue<string>() == "state")!).ToList();
        Assert.Equal([("raportoitu", "valitetty"), ("tyoryhmassa", "raportoitu"), ("alkukasitelty", "tyoryhmassa"), ("uusi", "alkukasitelty")],
            states.Select(s => (s["old"]!.GetValue<string>(), s["new"]!.GetValue<string>())));
        Assert.Equal(Fx.UserId("group").ToString(), entries[0]!["actor_id"]!.GetValue<string>());
        Assert.Equal("esihenkilo", entries[3]!["actor_role"]!.GetValue<string>());
        var categories = entries[3]!["changes"]!.AsArray().First(c => c!["field"]!.GetValue<string>() == "categories")!;
        Assert.Equal("asuminen", categories["old"]!.GetValue<string>());
        Assert.Equal("asuminen|toimeentulo", categories["new"]!.GetValue<string>());
    }

    [Fact]
    public async Task Supervisor_returns_a_report_with_a_comment_and_the_author_edits_it()
    {
        var report = await Fx.SubmitAsync("worker-a");
        var returned = await Move("lead-a", report, new { to = "uusi", comment = "Kerro tarkemmin, mitä kunnassa on tapahtunut." });
        Assert.Equal(200, returned.Code);
        Assert.Equal("uusi", State(returned));
        Assert.Equal("Kerro tarkemmin, mitä kunnassa on tapahtunut.", returned.Body["return_comment"]!.GetValue<string>());

        var seenByAuthor = await Fx.Client("worker-a").GetJsonAsync($"/api/reports/{report["id"]}", Ct);
        Assert.Equal("Kerro tarkemmin, mitä kunnassa on tapahtunut.", seenByAuthor.Body["return_comment"]!.GetValue<string>());
        var list = await Fx.Client("worker-a").GetJsonAsync("/api/reports?mine=true&state=uusi&page_size=100", Ct);
        Assert.True(list.Body["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == report["id"]!.GetValue<string>())!["returned"]!.GetValue<bool>());

        var edited = await Fx.Client("worker-a").PutJsonAsync($"/api/reports/{report["id"]}",
            new { phenomenon = "Tarkempi kuvaus.", service_area = ServiceFixture.AreaA, categories = new[] { "asuminen" } }, Ct);
        Assert.Equal(200, edited.Code);
        Assert.Null(edited.Body["return_comment"]);
    }

    [Fact]
    public async Task Returning_needs_a_comment()
    {
        var report = await Fx.SubmitAsync("worker-a");
        var reply = await Move("lead-a", report, new { to = "uusi" });
        Assert.Equal(400, reply.Code);
        Assert.Contains("comment", reply.ErrorFields);
    }

    [Fact]
    public async Task Supervisor_merges_a_duplicate_into_another_report()
    {
        var original = await Fx.SubmitAsync("worker-a");
        var duplicate = await Fx.SubmitAsync("worker-a");
        var merged = await Move("lead-a", duplicate, new { to = "yhdistetty", merged_into = original["id"]!.GetValue<string>() });
        Assert.Equal(200, merged.Code);
        Assert.Equal("yhdistetty", State(merged));
        Assert.Equal(original["id"]!.GetValue<string>(), merged.Body["merged_into"]!.GetValue<string>());
        Assert.Empty(Allowed(merged));

        var third = await Fx.SubmitAsync("worker-a");
        var intoMerged = await Move("lead-a", third, new { to = "yhdistetty", merged_into = duplicate["id"]!.GetValue<string>() });
        Assert.Equal(400, intoMerged.Code);
        Assert.Contains("merged_into", intoMerged.ErrorFields);
        var intoItself = await Move("lead-a", third, new { to = "yhdistetty", merged_into = third["id"]!.GetValue<string>() });
        Assert.Contains("merged_into", intoItself.ErrorFields);
        var intoNothing = await Move("lead-a", third, new { to = "yhdistetty", merged_into = "R-none" });
        Assert.Contains("merged_into", intoNothing.ErrorFields);
        var withoutTarget = await Move("lead-a", third, new { to = "yhdistetty" });
        Assert.Contains("merged_into", withoutTarget.ErrorFields);
    }

    [Theory]
    [InlineData("raportoitu")]
    [InlineData("tyoryhmassa")]
    [InlineData("valitetty")]
    public async Task Skipping_a_step_from_uusi_is_409_naming_the_allowed_states(string target)
    {
        var report = await Fx.SubmitAsync("worker-a");
        var reply = await Move("lead-a", report, new { to = target, period = "2025H1", forwarded_to = "x" });
        Assert.Equal(409, reply.Code);
        Assert.Equal("application/problem+json", reply.ContentHeaders.ContentType?.MediaType);
        Assert.Equal("uusi", reply.Body["state"]!.GetValue<string>());
        Assert.Equal(["alkukasitelty", "yhdistetty", "uusi"], reply.Body["allowed"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Contains("alkukasitelty, yhdistetty, uusi", reply.Body["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var after = await Fx.Client("worker-a").GetJsonAsync($"/api/reports/{report["id"]}", Ct);
        Assert.Equal("uusi", State(after));
    }

    [Fact]
    public async Task Going_back_or_staying_after_handling_is_409()
    {
        var report = await Fx.SubmitAsync("worker-a");
        await Move("lead-a", report, new { to = "alkukasitelty" });
        foreach (var target in new[] { "uusi", "alkukasitelty", "yhdistetty", "raportoitu" })
        {
            var reply = await Move("lead-a", report, new { to = target, comment = "x", merged_into = "R-x", period = "2025H1" });
            Assert.Equal(409, reply.Code);
            Assert.Equal(["tyoryhmassa"], reply.Body["allowed"]!.AsArray().Select(a => a!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Nothing_moves_out_of_valitetty_or_yhdistetty()
    {
        var original = await Fx.SubmitAsync("worker-a");
        var duplicate = await Fx.SubmitAsync("worker-a");
        await Move("lead-a", duplicate, new { to = "yhdistetty", merged_into = original["id"]!.GetValue<string>() });
        var reply = await Move("lead-a", duplicate, new { to = "alkukasitelty" });
        Assert.Equal(409, reply.Code);
        Assert.Empty(reply.Body["allowed"]!.AsArray());
    }

    [Fact]
    public async Task Supervisor_of_another_service_area_cannot_handle_the_report()
    {
        var report = await Fx.SubmitAsync("worker-a");
        var reply = await Move("lead-b", report, new { to = "alkukasitelty" });
        Assert.Equal(403, reply.Code);
        Assert.Equal("application/problem+json", reply.ContentHeaders.ContentType?.MediaType);
        Assert.Equal("uusi", State(await Fx.Client("worker-a").GetJsonAsync($"/api/reports/{report["id"]}", Ct)));
    }

    [Fact]
    public async Task Each_move_is_made_only_by_its_roles()
    {
        var report = await Fx.SubmitAsync("worker-a");

        // The working group does not do the initial handling; supervisors do not report.
        Assert.Equal(403, (await Move("group", report, new { to = "alkukasitelty" })).Code);
        Assert.Equal(200, (await Move("lead-a", report, new { to = "alkukasitelty" })).Code);
        Assert.Equal(200, (await Move("group", report, new { to = "tyoryhmassa" })).Code);
        Assert.Equal(403, (await Move("lead-a", report, new { to = "raportoitu", period = "2025H1" })).Code);
        Assert.Equal(200, (await Move("group", report, new { to = "raportoitu", period = "2025H1" })).Code);
        Assert.Equal(403, (await Move("lead-a", report, new { to = "valitetty", forwarded_to = "HYTE" })).Code);

        // Workers, researchers and administrators have no handling rights at all.
        foreach (var user in new[] { "worker-a", "researcher", "admin" })
            Assert.Equal(403, (await Move(user, report, new { to = "valitetty", forwarded_to = "HYTE" })).Code);
    }

    [Fact]
    public async Task Confirming_needs_at_least_one_known_category()
    {
        var report = await Fx.SubmitAsync("worker-a", categories: []);
        var none = await Move("lead-a", report, new { to = "alkukasitelty" });
        Assert.Equal(400, none.Code);
        Assert.Contains("categories", none.ErrorFields);
        var unknown = await Move("lead-a", report, new { to = "alkukasitelty", categories = new[] { "keksitty" } });
        Assert.Contains("categories[0]", unknown.ErrorFields);
        Assert.Equal("uusi", State(await Fx.Client("lead-a").GetJsonAsync($"/api/reports/{report["id"]}", Ct)));
    }

    [Fact]
    public async Task Reporting_needs_a_period_and_forwarding_needs_recipients()
    {
        var report = await Fx.SubmitAsync("worker-a");
        await Move("lead-a", report, new { to = "alkukasitelty" });
        await Move("lead-a", report, new { to = "tyoryhmassa" });
        Assert.Contains("period", (await Move("group", report, new { to = "raportoitu" })).ErrorFields);
        await Move("group", report, new { to = "raportoitu", period = "2025h2" });
        Assert.Contains("forwarded_to", (await Move("group", report, new { to = "valitetty", forwarded_to = "  " })).ErrorFields);
    }

    [Fact]
    public async Task A_stale_expected_version_is_409()
    {
        var report = await Fx.SubmitAsync("worker-a");
        var reply = await Move("lead-a", report, new { to = "alkukasitelty", expected_version = 7 });
        Assert.Equal(409, reply.Code);
        Assert.Equal(1, reply.Body["version"]!.GetValue<int>());
        Assert.Equal(200, (await Move("lead-a", report, new { to = "alkukasitelty", expected_version = 1 })).Code);
    }

    [Fact]
    public async Task Two_supervisors_handling_at_once_yield_one_success_and_one_409()
    {
        var report = await Fx.SubmitAsync("worker-a");
        var target = (await Fx.SubmitAsync("worker-a"))["id"]!.GetValue<string>();
        var moves = await Task.WhenAll(
            Move("lead-a", report, new { to = "alkukasitelty", categories = new[] { "asuminen" } }),
            Move("lead-a", report, new { to = "yhdistetty", merged_into = target }));
        Assert.Equal([200, 409], moves.Select(m => m.Code).Order());
        var final = await Fx.Client("lead-a").GetJsonAsync($"/api/reports/{report["id"]}", Ct);
        Assert.Equal(2, final.Body["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_author_cannot_edit_once_the_report_is_handled()
    {
        var report = await Fx.SubmitAsync("worker-a");
        await Move("lead-a", report, new { to = "alkukasitelty" });
        var reply = await Fx.Client("worker-a").PutJsonAsync($"/api/reports/{report["id"]}",
            new { phenomenon = "Muutos.", service_area = ServiceFixture.AreaA }, Ct);
        Assert.Equal(409, reply.Code);
        Assert.Equal("alkukasitelty", reply.Body["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Confirmed_categories_become_feedback_for_the_suggester()
    {
        var report = await Fx.SubmitAsync("worker-a", categories: ["velat"]);
        await Move("lead-a", report, new { to = "alkukasitelty", categories = new[] { "velat", "toimeentulo" } });
        var feedback = await Fx.Client("group").GetJsonAsync("/api/feedback?limit=1000", Ct);
        var mine = feedback.Body["items"]!.AsArray().Where(i => i!["report_id"]!.GetValue<string>() == report["id"]!.GetValue<string>()).ToList();
        Assert.Equal([("toimeentulo", "added"), ("velat", "added")],
            mine.Select(i => (i!["category"]!.GetValue<string>(), i["decision"]!.GetValue<string>())).Order());
    }
}

public sealed class WorkflowSqliteTests(SqliteService fixture) : WorkflowTests(fixture), IClassFixture<SqliteService>;

public sealed class WorkflowPostgresTests(PostgresService fixture) : WorkflowTests(fixture), IClassFixture<PostgresService>;

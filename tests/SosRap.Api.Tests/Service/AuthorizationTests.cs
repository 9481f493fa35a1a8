using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace SosRap.Api.Tests.Service;

/// <summary>
/// Every endpoint has an explicit policy: without a key it answers 401, with the wrong role 403,
/// both as problem details; the right roles get through. Then the per-report rules: own reports,
/// own service areas, who sees the author.
/// </summary>
public abstract class AuthorizationTests(ServiceFixture fixture) : ServiceTests(fixture)
{
    private const string Workers = "worker-a";
    private static readonly string[] AllUsers = ["worker-a", "lead-a", "group", "researcher", "admin"];

    /// <summary>Every endpoint with the users that may call it ({report}, {user}, {key} are filled in).</summary>
    public static TheoryData<string, string, string> Endpoints => new()
    {
        { "POST", "/api/reports", "worker-a lead-a" },
        { "GET", "/api/reports", "worker-a lead-a group" },
        { "GET", "/api/reports/{report}", "worker-a lead-a group" },
        { "PUT", "/api/reports/{report}", "worker-a lead-a" },
        { "POST", "/api/reports/{report}/transitions", "lead-a group" },
        { "POST", "/api/reports/{report}/feedback", "lead-a group" },
        { "POST", "/api/suggest", "worker-a lead-a group" },
        { "GET", "/api/feedback", "group admin" },
        { "GET", "/api/clusters", "group" },
        { "GET", "/api/themes/candidates", "group" },
        { "POST", "/api/themes/candidates/t1/promote", "group admin" },
        { "GET", "/api/taxonomy", "worker-a lead-a group researcher admin" },
        { "GET", "/api/taxonomy/versions", "worker-a lead-a group researcher admin" },
        { "GET", "/api/taxonomy/versions/1", "worker-a lead-a group researcher admin" },
        { "POST", "/api/taxonomy/versions", "admin" },
        { "POST", "/api/taxonomy/categories", "admin" },
        { "GET", "/api/support-needs", "worker-a lead-a group researcher admin" },
        { "GET", "/api/statistics", "group researcher" },
        { "GET", "/api/export?period=2025H1", "group researcher" },
        { "GET", "/api/audit", "group admin" },
        { "GET", "/api/me", "worker-a lead-a group researcher admin" },
        { "GET", "/api/form-options", "worker-a lead-a group researcher admin" },
        { "GET", "/api/users", "admin" },
        { "POST", "/api/users", "admin" },
        { "GET", "/api/users/{user}", "admin" },
        { "PUT", "/api/users/{user}", "admin" },
        { "GET", "/api/users/{user}/keys", "admin" },
        { "POST", "/api/users/{user}/keys", "admin" },
        { "DELETE", "/api/keys/{key}", "admin" },
    };

    private async Task<string> Url(string template)
    {
        var url = template.Replace("{user}", Fx.UserId("worker-b").ToString(), StringComparison.Ordinal)
            .Replace("{key}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        if (url.Contains("{report}", StringComparison.Ordinal))
            url = url.Replace("{report}", (await Fx.SubmitAsync(Workers))["id"]!.GetValue<string>(), StringComparison.Ordinal);
        return url;
    }

    // An empty object: valid enough to get past authorization, never enough to change anything.
    private static object? Body(string method) => method is "POST" or "PUT" ? "{}" : null;

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Without_a_key_every_endpoint_answers_401_problem_details(string method, string template, string allowed)
    {
        _ = allowed;
        var reply = await Fx.Anonymous.SendJsonAsync(new HttpMethod(method), await Url(template), Body(method), Ct);
        Assert.Equal(401, reply.Code);
        Assert.Equal("application/problem+json", reply.ContentType?.Split(';')[0]);
        Assert.NotEmpty(reply.Headers.WwwAuthenticate);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Roles_outside_the_policy_get_403_and_the_others_get_through(string method, string template, string allowed)
    {
        var admitted = allowed.Split(' ');
        foreach (var user in AllUsers)
        {
            var reply = await Fx.Client(user).SendJsonAsync(new HttpMethod(method), await Url(template), Body(method), Ct);
            if (admitted.Contains(user))
            {
                Assert.True(reply.Code is not (401 or 403), $"{user} should get through {method} {template}: {reply}");
            }
            else
            {
                Assert.True(reply.Code == 403, $"{user} should be refused {method} {template}: {reply}");
                Assert.Equal("application/problem+json", reply.ContentType?.Split(';')[0]);
            }
        }
    }

    [Fact]
    public async Task An_unknown_key_a_malformed_key_and_a_revoked_key_get_401()
    {
        using var unknown = Fx.NewClient("srk_" + new string('A', 43));
        Assert.Equal(401, (await unknown.GetJsonAsync("/api/me", Ct)).Code);
        using var huge = Fx.NewClient(new string('k', 500));
        Assert.Equal(401, (await huge.GetJsonAsync("/api/me", Ct)).Code);

        var created = await Fx.Client("admin").PostJsonAsync($"/api/users/{Fx.UserId("worker-b")}/keys", new { label = "kokeilu" }, Ct);
        using var client = Fx.NewClient(created.Body["key"]!.GetValue<string>());
        Assert.Equal(200, (await client.GetJsonAsync("/api/me", Ct)).Code);
        Assert.Equal(200, (await Fx.Client("admin").DeleteJsonAsync($"/api/keys/{created.Body["metadata"]!["id"]}", Ct)).Code);
        Assert.Equal(401, (await client.GetJsonAsync("/api/me", Ct)).Code);
    }

    [Fact]
    public async Task A_key_works_as_a_bearer_token_too()
    {
        using var client = new HttpClient { BaseAddress = Fx.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Fx.Keys["researcher"]);
        var me = await client.GetJsonAsync("/api/me", Ct);
        Assert.Equal(200, me.Code);
        Assert.Equal("tutkija", me.Body["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_disabled_user_is_locked_out_at_once_and_back_when_enabled()
    {
        var user = await Fx.Client("admin").PostJsonAsync("/api/users", new { name = "Väliaikainen", role = "tyontekija", service_areas = new[] { "X" } }, Ct);
        var id = user.Body["id"]!.GetValue<string>();
        var key = await Fx.Client("admin").PostJsonAsync($"/api/users/{id}/keys", new { label = "k" }, Ct);
        using var client = Fx.NewClient(key.Body["key"]!.GetValue<string>());
        Assert.Equal(200, (await client.GetJsonAsync("/api/me", Ct)).Code);

        await Fx.Client("admin").PutJsonAsync($"/api/users/{id}", new { name = "Väliaikainen", role = "tyontekija", service_areas = new[] { "X" }, disabled = true }, Ct);
        Assert.Equal(401, (await client.GetJsonAsync("/api/me", Ct)).Code);
        await Fx.Client("admin").PutJsonAsync($"/api/users/{id}", new { name = "Väliaikainen", role = "tutkija", service_areas = Array.Empty<string>() }, Ct);
        var me = await client.GetJsonAsync("/api/me", Ct);
        Assert.Equal("tutkija", me.Body["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_worker_cannot_read_or_edit_another_workers_report()
    {
        var report = await Fx.SubmitAsync("worker-a");
        var read = await Fx.Client("worker-b").GetJsonAsync($"/api/reports/{report["id"]}", Ct);
        Assert.Equal(403, read.Code);
        Assert.DoesNotContain("vuokravakuudeksi", read.Text, StringComparison.Ordinal);
        var edit = await Fx.Client("worker-b").PutJsonAsync($"/api/reports/{report["id"]}", new { phenomenon = "Kaapattu.", service_area = ServiceFixture.AreaB }, Ct);
        Assert.Equal(403, edit.Code);
        var list = await Fx.Client("worker-b").GetJsonAsync("/api/reports?page_size=100", Ct);
        Assert.DoesNotContain(list.Body["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == report["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_supervisor_reads_only_their_own_areas_and_cannot_edit_the_workers_text()
    {
        var inA = await Fx.SubmitAsync("worker-a");
        var inB = await Fx.SubmitAsync("worker-b");
        Assert.Equal(200, (await Fx.Client("lead-a").GetJsonAsync($"/api/reports/{inA["id"]}", Ct)).Code);
        Assert.Equal(403, (await Fx.Client("lead-a").GetJsonAsync($"/api/reports/{inB["id"]}", Ct)).Code);
        Assert.Equal(403, (await Fx.Client("lead-b").GetJsonAsync($"/api/reports/{inA["id"]}", Ct)).Code);
        var list = await Fx.Client("lead-b").GetJsonAsync("/api/reports?page_size=100", Ct);
        Assert.All(list.Body["items"]!.AsArray(), i => Assert.Equal(ServiceFixture.AreaB, i!["service_area"]!.GetValue<string>()));
        Assert.Contains(list.Body["items"]!.AsArray(), i => i!["id"]!.GetValue<string>() == inB["id"]!.GetValue<string>());
        var edit = await Fx.Client("lead-a").PutJsonAsync($"/api/reports/{inA["id"]}", new { phenomenon = "Muutettu.", service_area = ServiceFixture.AreaA }, Ct);
        Assert.Equal(403, edit.Code);
        var feedback = await Fx.Client("lead-b").PostJsonAsync($"/api/reports/{inA["id"]}/feedback", new { added = new[] { "velat" } }, Ct);
        Assert.Equal(403, feedback.Code);
    }

    [Fact]
    public async Task Researchers_and_administrators_read_no_single_reports()
    {
        var report = await Fx.SubmitAsync("worker-a");
        Assert.Equal(403, (await Fx.Client("researcher").GetJsonAsync($"/api/reports/{report["id"]}", Ct)).Code);
        Assert.Equal(403, (await Fx.Client("admin").GetJsonAsync($"/api/reports/{report["id"]}", Ct)).Code);
        Assert.Equal(403, (await Fx.Client("admin").GetJsonAsync("/api/reports", Ct)).Code);
    }

    [Fact]
    public async Task The_author_is_named_to_the_author_and_the_supervisor_only()
    {
        var report = await Fx.SubmitAsync("worker-a");
        async Task<JsonNode?> Author(string user) => (await Fx.Client(user).GetJsonAsync($"/api/reports/{report["id"]}", Ct)).Body["author_name"];
        Assert.Equal("worker-a", (await Author("worker-a"))?.GetValue<string>());
        Assert.Equal("worker-a", (await Author("lead-a"))?.GetValue<string>());
        Assert.Null(await Author("group"));
        var asGroup = await Fx.Client("group").GetJsonAsync($"/api/reports/{report["id"]}", Ct);
        Assert.False(asGroup.Body["is_own"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_administrator_cannot_demote_or_disable_themselves()
    {
        var me = Fx.UserId("admin");
        var demote = await Fx.Client("admin").PutJsonAsync($"/api/users/{me}", new { name = "Admin", role = "tutkija" }, Ct);
        Assert.Equal(409, demote.Code);
        var disable = await Fx.Client("admin").PutJsonAsync($"/api/users/{me}", new { name = "Admin", role = "yllapitaja", disabled = true }, Ct);
        Assert.Equal(409, disable.Code);
        Assert.Equal(200, (await Fx.Client("admin").GetJsonAsync("/api/users", Ct)).Code);
    }
}

public sealed class AuthorizationSqliteTests(SqliteService fixture) : AuthorizationTests(fixture), IClassFixture<SqliteService>;

public sealed class AuthorizationPostgresTests(PostgresService fixture) : AuthorizationTests(fixture), IClassFixture<PostgresService>;

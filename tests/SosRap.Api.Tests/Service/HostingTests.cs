namespace SosRap.Api.Tests.Service;

/// <summary>Health, OpenAPI, the API reference, the UI files, security headers, and what the logs never contain.</summary>
public abstract class HostingTests(ServiceFixture fixture) : ServiceTests(fixture)
{
    [Fact]
    public async Task Health_endpoints_answer_without_a_key_and_ready_checks_the_database()
    {
        using var live = await Fx.Anonymous.GetAsync("/health/live", Ct);
        Assert.Equal(200, (int)live.StatusCode);
        using var ready = await Fx.Anonymous.GetAsync("/health/ready", Ct);
        Assert.Equal(200, (int)ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_endpoints_and_the_api_key_scheme()
    {
        var reply = await Fx.Anonymous.GetJsonAsync("/openapi/v1.json", Ct);
        Assert.Equal(200, reply.Code);
        var paths = reply.Body["paths"]!.AsObject();
        foreach (var path in new[] { "/api/reports", "/api/reports/{id}/transitions", "/api/suggest", "/api/statistics", "/api/export", "/api/clusters" })
            Assert.True(paths.ContainsKey(path), path);
        Assert.Equal("apiKey", reply.Body["components"]!["securitySchemes"]!["ApiKey"]!["type"]!.GetValue<string>());
        Assert.Equal("X-Api-Key", reply.Body["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>());
        var kind = reply.Body["components"]!["schemas"]!["ReportKind"]!;
        Assert.Equal(["epakohta", "hyva_kaytanto"], kind["enum"]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    [Fact]
    public async Task The_api_reference_and_the_ui_are_served_locally_as_utf8_html()
    {
        using var docs = await Fx.Anonymous.GetAsync("/docs", Ct);
        Assert.Equal(200, (int)docs.StatusCode);
        var html = await docs.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("https://cdn", html, StringComparison.OrdinalIgnoreCase);
        using var ui = await Fx.Anonymous.GetAsync("/", Ct);
        Assert.Equal(200, (int)ui.StatusCode);
        Assert.Equal("text/html; charset=utf-8", ui.Content.Headers.ContentType?.ToString());
        Assert.Contains("SosRap", await ui.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_api_answers_are_not_cached()
    {
        using var api = await Fx.Client("group").GetAsync("/api/me", Ct);
        Assert.Equal("nosniff", api.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", api.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", api.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'self'", api.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.True(api.Headers.CacheControl?.NoStore);
        Assert.False(api.Headers.Contains("Server"));
        using var ui = await Fx.Anonymous.GetAsync("/", Ct);
        Assert.DoesNotContain("unsafe-inline", ui.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem()
    {
        using var response = await Fx.Client("group").GetAsync("/api/ei-ole", Ct);
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Report_texts_search_words_and_keys_never_reach_the_log()
    {
        var secretWord = "Salaisuussana" + Guid.NewGuid().ToString("N")[..6];
        var report = await Fx.SubmitAsync("worker-a", phenomenon: $"Tapaus {secretWord}: asiakas Hilkka Heikkilä jäi ilman apua.");
        var id = report["id"]!.GetValue<string>();
        await Fx.Client("worker-a").GetJsonAsync("/api/reports?q=" + secretWord, Ct);
        await Fx.Client("worker-a").PutJsonAsync($"/api/reports/{id}", new { phenomenon = secretWord + " muokattu", service_area = ServiceFixture.AreaA }, Ct);
        await Fx.Client("worker-a").PostJsonAsync("/api/suggest", new { text = secretWord }, Ct);
        await Fx.Client("worker-a").PostJsonAsync("/api/reports", new { phenomenon = secretWord, service_area = ServiceFixture.AreaA, kind = "väärä" }, Ct);
        await Fx.Client("worker-a").PostJsonAsync("/api/reports", "{\"phenomenon\": \"" + secretWord, Ct);
        await Fx.Client("lead-a").PostJsonAsync($"/api/reports/{id}/transitions", new { to = "uusi", comment = secretWord + " palautus" }, Ct);

        var log = Fx.Logs.All;
        Assert.Contains(id, log, StringComparison.Ordinal);
        Assert.DoesNotContain(secretWord, log, StringComparison.Ordinal);
        Assert.DoesNotContain("Heikkilä", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Hilkka", log, StringComparison.Ordinal);
        foreach (var key in Fx.Keys.Values) Assert.DoesNotContain(key, log, StringComparison.Ordinal);

        // Nor does the audit trail copy report or comment text.
        var audit = await Fx.Client("group").GetJsonAsync($"/api/audit?entity_id={id}", Ct);
        Assert.DoesNotContain(secretWord, audit.Text, StringComparison.Ordinal);
        Assert.Contains(audit.Body["items"]!.AsArray().SelectMany(e => e!["changes"]!.AsArray()),
            c => c!["field"]!.GetValue<string>() == "phenomenon" && c["new"]!.GetValue<string>().EndsWith("merkkiä", StringComparison.Ordinal));
    }
}

public sealed class HostingSqliteTests(SqliteService fixture) : HostingTests(fixture), IClassFixture<SqliteService>;

public sealed class HostingPostgresTests(PostgresService fixture) : HostingTests(fixture), IClassFixture<PostgresService>;

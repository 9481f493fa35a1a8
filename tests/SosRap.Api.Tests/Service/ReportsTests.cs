using System.Text.Json.Nodes;

namespace SosRap.Api.Tests.Service;

/// <summary>Submitting, reading, listing, searching and editing reports through the real HTTP pipeline.</summary>
public abstract class ReportsTests(ServiceFixture fixture) : ServiceTests(fixture)
{
    [Fact]
    public async Task Submit_stores_the_redacted_report_in_state_uusi_and_returns_it_with_location()
    {
        var reply = await Fx.Client("worker-a").PostJsonAsync("/api/reports", new
        {
            phenomenon = "Asiakas Matti M. ei saa vuokravakuutta, puhelin 040 123 4567.",
            proposal = "Täydentävää toimeentulotukea vakuuteen.",
            municipality = "Kuhmo",
            service_area = ServiceFixture.AreaA,
            reported_at = "2025-02-03",
            kind = "hyva_kaytanto",
            affected_clients = 4,
            responsible = "Kela",
            language = "fi",
            categories = new[] { "asuminen", "toimeentulo" },
        }, Ct);

        Assert.Equal(201, reply.Code);
        var body = reply.Body;
        var id = body["id"]!.GetValue<string>();
        Assert.Equal("/api/reports/" + id, reply.Headers.Location?.ToString());
        Assert.Equal("uusi", body["state"]!.GetValue<string>());
        Assert.Equal("Asiakas [NIMI] ei saa vuokravakuutta, puhelin [PUHELIN].", body["phenomenon"]!.GetValue<string>());
        Assert.Equal(2, body["redaction"]!["total"]!.GetValue<int>());
        Assert.Equal(1, body["redaction"]!["kinds"]!["nimi"]!.GetValue<int>());
        Assert.Equal("hyva_kaytanto", body["kind"]!.GetValue<string>());
        Assert.Equal("2025-02-03", body["reported_at"]!.GetValue<string>());
        Assert.Equal(["asuminen", "toimeentulo"], body["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(1, body["taxonomy_version"]!.GetValue<int>());
        Assert.True(body["is_own"]!.GetValue<bool>());
        Assert.Equal("unavailable", body["suggestions"]!["status"]!.GetValue<string>());
        Assert.Empty(body["suggestions"]!["items"]!.AsArray());
        Assert.Equal("unavailable", body["similar"]!["status"]!.GetValue<string>());

        var again = await Fx.Client("worker-a").GetJsonAsync("/api/reports/" + id, Ct);
        Assert.Equal(200, again.Code);
        Assert.Equal(body["phenomenon"]!.GetValue<string>(), again.Body["phenomenon"]!.GetValue<string>());
        Assert.Equal("Täydentävää toimeentulotukea vakuuteen.", again.Body["proposal"]!.GetValue<string>());
        Assert.Equal(4, again.Body["affected_clients"]!.GetValue<int>());
        Assert.Equal("Kela", again.Body["responsible"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_without_a_date_uses_today_in_Finland_and_defaults_kind_and_language()
    {
        var reply = await Fx.Client("worker-a").PostJsonAsync("/api/reports",
            new { phenomenon = "Bussivuoro lakkautettiin.", service_area = ServiceFixture.AreaA }, Ct);
        Assert.Equal(201, reply.Code);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki")).DateTime);
        Assert.Equal(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reply.Body["reported_at"]!.GetValue<string>());
        Assert.Equal("epakohta", reply.Body["kind"]!.GetValue<string>());
        Assert.Equal("fi", reply.Body["language"]!.GetValue<string>());
        Assert.Equal("", reply.Body["proposal"]!.GetValue<string>());
        Assert.Empty(reply.Body["categories"]!.AsArray());
    }

    [Fact]
    public async Task List_filters_by_municipality_state_kind_category_period_and_dates()
    {
        var town = UniqueWord();
        var a = await Fx.SubmitAsync("worker-a", municipality: town, reportedAt: "2024-02-01", categories: ["asuminen"]);
        var b = await Fx.SubmitAsync("worker-a", municipality: town, reportedAt: "2024-08-01", categories: ["velat"], kind: "hyva_kaytanto");
        var c = await Fx.SubmitAsync("worker-a", municipality: town, reportedAt: "2025-01-15", categories: ["velat", "asuminen"]);
        var group = Fx.Client("group");

        async Task<string[]> Ids(string query)
        {
            var reply = await group.GetJsonAsync($"/api/reports?municipality={Uri.EscapeDataString(town)}&{query}", Ct);
            Assert.Equal(200, reply.Code);
            return reply.Body["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToArray();
        }

        string Id(JsonNode n) => n["id"]!.GetValue<string>();
        Assert.Equal([Id(c), Id(b), Id(a)], await Ids(""));
        Assert.Equal([Id(a)], await Ids("period=2024H1"));
        Assert.Equal([Id(b)], await Ids("period=2024H2"));
        Assert.Equal([Id(b), Id(a)], await Ids("period=2024"));
        Assert.Equal([Id(c)], await Ids("period=2025Q1"));
        Assert.Equal([Id(b)], await Ids("period=2024-08"));
        Assert.Equal([Id(c), Id(b)], await Ids("from=2024-08-01"));
        Assert.Equal([Id(b), Id(a)], await Ids("to=2024-08-01"));
        Assert.Equal([Id(b)], await Ids("kind=hyva_kaytanto"));
        Assert.Equal([Id(c), Id(b)], await Ids("category=velat"));
        Assert.Equal([Id(c), Id(b), Id(a)], await Ids("state=uusi"));
        Assert.Empty(await Ids("state=alkukasitelty"));
        Assert.Equal([Id(c), Id(b), Id(a)], await Ids("service_area=" + Uri.EscapeDataString(ServiceFixture.AreaA)));
    }

    [Fact]
    public async Task List_pages_with_total_and_bounded_page_size()
    {
        var town = UniqueWord();
        for (var i = 0; i < 5; i++) await Fx.SubmitAsync("worker-a", municipality: town, reportedAt: $"2025-01-0{i + 1}");
        var first = await Fx.Client("worker-a").GetJsonAsync($"/api/reports?municipality={town}&page_size=2&page=1", Ct);
        var third = await Fx.Client("worker-a").GetJsonAsync($"/api/reports?municipality={town}&page_size=2&page=3", Ct);
        Assert.Equal(5, first.Body["total"]!.GetValue<long>());
        Assert.Equal(["2025-01-05", "2025-01-04"], first.Body["items"]!.AsArray().Select(i => i!["reported_at"]!.GetValue<string>()));
        Assert.Equal(["2025-01-01"], third.Body["items"]!.AsArray().Select(i => i!["reported_at"]!.GetValue<string>()));
        Assert.Equal(3, third.Body["page"]!.GetValue<int>());
        Assert.Equal(2, third.Body["page_size"]!.GetValue<int>());
    }

    [Fact]
    public async Task Search_matches_lemmas_and_compound_parts_of_inflected_words()
    {
        var town = UniqueWord();
        var rent = await Fx.SubmitAsync("worker-a", municipality: town,
            phenomenon: "Vuokranantajat vaativat vuokravakuuksia, joita toimeentulotukipäätökset eivät kata.");
        var bus = await Fx.SubmitAsync("worker-a", municipality: town, phenomenon: "Linja-autovuorot lakkautettiin syrjäkylillä.");
        async Task<string[]> Search(string q) =>
            (await Fx.Client("worker-a").GetJsonAsync($"/api/reports?municipality={town}&q={Uri.EscapeDataString(q)}", Ct))
            .Body["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToArray();

        // Inflected query words reach the base forms of inflected text; compound parts are searchable on their own.
        Assert.Equal([rent["id"]!.GetValue<string>()], await Search("vuokranantajalle"));
        Assert.Equal([rent["id"]!.GetValue<string>()], await Search("vakuus"));
        Assert.Equal([rent["id"]!.GetValue<string>()], await Search("toimeentulotuki päätös"));
        Assert.Equal([bus["id"]!.GetValue<string>()], await Search("kylä"));
        Assert.Empty(await Search("vuokravakuus linja-auto"));
    }

    [Fact]
    public async Task Author_updates_own_new_report_and_the_texts_are_redacted_again()
    {
        var report = await Fx.SubmitAsync("worker-a");
        var id = report["id"]!.GetValue<string>();
        var reply = await Fx.Client("worker-a").PutJsonAsync("/api/reports/" + id, new
        {
            phenomenon = "Korjattu kuvaus, yhteyshenkilö Liisa.",
            service_area = ServiceFixture.AreaA,
            reported_at = "2025-03-11",
            categories = new[] { "velat" },
        }, Ct);
        Assert.Equal(200, reply.Code);
        Assert.Equal("Korjattu kuvaus, yhteyshenkilö [NIMI].", reply.Body["phenomenon"]!.GetValue<string>());
        Assert.Equal(["velat"], reply.Body["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(2, reply.Body["version"]!.GetValue<int>());
        Assert.Equal("2025-03-11", reply.Body["reported_at"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_of_an_unknown_report_is_404_problem_details()
    {
        var reply = await Fx.Client("group").GetJsonAsync("/api/reports/R-does-not-exist", Ct);
        Assert.Equal(404, reply.Code);
        Assert.Equal("application/problem+json", reply.ContentHeaders.ContentType?.MediaType);
        Assert.Equal(404, reply.Body["status"]!.GetValue<int>());
    }
}

public sealed class ReportsSqliteTests(SqliteService fixture) : ReportsTests(fixture), IClassFixture<SqliteService>;

public sealed class ReportsPostgresTests(PostgresService fixture) : ReportsTests(fixture), IClassFixture<PostgresService>;

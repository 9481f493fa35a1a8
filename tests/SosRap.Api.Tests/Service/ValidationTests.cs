using System.Text;

namespace SosRap.Api.Tests.Service;

/// <summary>Bad input gets RFC 7807 problem details that name the field, and never echoes the text.</summary>
public abstract class ValidationTests(ServiceFixture fixture) : ServiceTests(fixture)
{
    private static object Report(string phenomenon = "Kelpo kuvaus ilmiöstä.", string? reportedAt = "2025-01-02", object? kind = null,
        object? categories = null, object? affectedClients = null, string? responsible = null, string language = "fi",
        string serviceArea = ServiceFixture.AreaA, string? municipality = "Kajaani") => new Dictionary<string, object?>
    {
        ["phenomenon"] = phenomenon,
        ["service_area"] = serviceArea,
        ["municipality"] = municipality,
        ["reported_at"] = reportedAt,
        ["kind"] = kind ?? "epakohta",
        ["categories"] = categories ?? Array.Empty<string>(),
        ["affected_clients"] = affectedClients,
        ["responsible"] = responsible,
        ["language"] = language,
    };

    private async Task<Reply> Submit(object body) => await Fx.Client("worker-a").PostJsonAsync("/api/reports", body, Ct);

    private static void AssertField(Reply reply, string field, int status = 400)
    {
        Assert.True(reply.Code == status, $"expected {status}, got {reply}");
        Assert.Equal("application/problem+json", reply.ContentHeaders.ContentType?.MediaType);
        Assert.True(reply.ErrorFields.Contains(field), $"no error for {field}: {reply.Text}");
        Assert.DoesNotContain("   at ", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_long_phenomenon_is_refused_naming_the_field_without_echoing_it()
    {
        var text = new string('x', 20_001);
        var reply = await Submit(Report(phenomenon: text));
        AssertField(reply, "phenomenon");
        Assert.DoesNotContain("xxxxxxxxxx", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Phenomenon_of_exactly_the_limit_is_accepted()
    {
        var reply = await Submit(Report(phenomenon: string.Concat(Enumerable.Repeat("asunto ", 20_000 / 7)).PadRight(20_000, 'a')));
        Assert.Equal(201, reply.Code);
    }

    [Fact]
    public async Task Empty_or_blank_phenomenon_is_refused()
    {
        AssertField(await Submit(Report(phenomenon: "")), "phenomenon");
        AssertField(await Submit(Report(phenomenon: "   \n\t ")), "phenomenon");
    }

    [Fact]
    public async Task Missing_phenomenon_and_service_area_are_both_named()
    {
        var reply = await Submit(new { municipality = "Kajaani" });
        AssertField(reply, "phenomenon");
        Assert.Contains("service_area", reply.ErrorFields);
    }

    [Fact]
    public async Task Unknown_kind_is_refused_naming_the_field()
    {
        AssertField(await Submit(Report(kind: "ongelma")), "kind");
        AssertField(await Submit(Report(kind: 1)), "kind");
    }

    [Fact]
    public async Task Impossible_or_badly_written_date_is_refused_naming_the_field()
    {
        AssertField(await Submit(Report(reportedAt: "2024-13-45")), "reported_at");
        AssertField(await Submit(Report(reportedAt: "1.2.2024")), "reported_at");
    }

    [Fact]
    public async Task Date_in_the_future_or_before_2000_is_refused()
    {
        AssertField(await Submit(Report(reportedAt: DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))), "reported_at");
        AssertField(await Submit(Report(reportedAt: "1999-12-31")), "reported_at");
    }

    [Fact]
    public async Task Unknown_category_is_refused_naming_its_position()
    {
        var reply = await Submit(Report(categories: new[] { "asuminen", "ei_tallaista" }));
        AssertField(reply, "categories[1]");
        Assert.DoesNotContain("categories[0]", reply.ErrorFields);
    }

    [Fact]
    public async Task Too_many_or_repeated_categories_are_refused()
    {
        AssertField(await Submit(Report(categories: Enumerable.Repeat("asuminen", 11).Select((c, i) => c + i).ToArray())), "categories");
        AssertField(await Submit(Report(categories: new[] { "asuminen", "asuminen" })), "categories");
    }

    [Fact]
    public async Task Wrong_types_and_out_of_range_numbers_are_refused()
    {
        AssertField(await Submit(Report(affectedClients: "viisi")), "affected_clients");
        AssertField(await Submit(Report(affectedClients: "5")), "affected_clients");
        AssertField(await Submit(Report(affectedClients: -1)), "affected_clients");
        AssertField(await Submit(Report(affectedClients: 2_000_000)), "affected_clients");
    }

    [Fact]
    public async Task Responsible_language_and_one_line_fields_are_checked()
    {
        AssertField(await Submit(Report(responsible: "naapuri")), "responsible");
        AssertField(await Submit(Report(language: "fin")), "language");
        AssertField(await Submit(Report(municipality: "Kajaani\nKuhmo")), "municipality");
        AssertField(await Submit(Report(serviceArea: new string('a', 101))), "service_area");
    }

    [Fact]
    public async Task Control_characters_in_text_are_refused_but_newlines_and_tabs_are_fine()
    {
        AssertField(await Submit(Report(phenomenon: "teksti\u0000nolla")), "phenomenon");
        Assert.Equal(201, (await Submit(Report(phenomenon: "rivi 1\r\nrivi 2\tsarkain"))).Code);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_naming_the_body_or_where_it_broke()
    {
        AssertField(await Fx.Client("worker-a").PostJsonAsync("/api/reports", "{oops", Ct), "$");
        var cut = await Fx.Client("worker-a").PostJsonAsync("/api/reports", "{\"phenomenon\": \"kesken", Ct);
        AssertField(cut, "phenomenon");
        Assert.DoesNotContain("kesken", cut.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_body_is_a_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = new StringContent("", Encoding.UTF8, "application/json") };
        var reply = await HttpExtensions.ReadAsync(await Fx.Client("worker-a").SendAsync(request, Ct), Ct);
        Assert.Equal(400, reply.Code);
        Assert.Equal("application/problem+json", reply.ContentHeaders.ContentType?.MediaType);
    }

    [Fact]
    public async Task Wrong_content_type_is_a_415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = new StringContent("phenomenon=x", Encoding.UTF8, "text/plain") };
        var reply = await HttpExtensions.ReadAsync(await Fx.Client("worker-a").SendAsync(request, Ct), Ct);
        Assert.Equal(415, reply.Code);
        Assert.Equal("application/problem+json", reply.ContentHeaders.ContentType?.MediaType);
    }

    [Fact]
    public async Task Oversized_body_is_a_413_problem_and_nothing_is_stored()
    {
        var town = UniqueWord();
        var huge = "{\"phenomenon\": \"" + new string('y', 300 * 1024) + "\", \"service_area\": \"x\", \"municipality\": \"" + town + "\"}";
        var reply = await Fx.Client("worker-a").PostJsonAsync("/api/reports", huge, Ct);
        Assert.Equal(413, reply.Code);
        Assert.Equal("application/problem+json", reply.ContentHeaders.ContentType?.MediaType);
        var list = await Fx.Client("worker-a").GetJsonAsync("/api/reports?municipality=" + town, Ct);
        Assert.Equal(0, list.Body["total"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=10001", "page")]
    [InlineData("page_size=101", "page_size")]
    [InlineData("page_size=0", "page_size")]
    [InlineData("page=abc", "page")]
    [InlineData("state=valmis", "state")]
    [InlineData("state=1", "state")]
    [InlineData("kind=hyva", "kind")]
    [InlineData("period=2024H3", "period")]
    [InlineData("period=24H1", "period")]
    [InlineData("from=2024-13-01", "from")]
    [InlineData("to=huomenna", "to")]
    [InlineData("mine=kyllä", "mine")]
    public async Task Bad_list_query_values_are_refused_naming_the_parameter(string query, string field) =>
        AssertField(await Fx.Client("worker-a").GetJsonAsync("/api/reports?" + query, Ct), field);

    [Theory]
    [InlineData("/api/statistics?dimension=kunta", "dimension")]
    [InlineData("/api/statistics?group_by=vuosi", "group_by")]
    [InlineData("/api/export?format=xlsx&period=2024H1", "format")]
    [InlineData("/api/export?date_precision=week&period=2024H1", "date_precision")]
    [InlineData("/api/export", "period")]
    public async Task Bad_statistics_and_export_queries_are_refused_naming_the_parameter(string url, string field) =>
        AssertField(await Fx.Client("group").GetJsonAsync(url, Ct), field);

    [Fact]
    public async Task Suggest_checks_text_limit_and_threshold()
    {
        var client = Fx.Client("worker-a");
        AssertField(await client.PostJsonAsync("/api/suggest", new { text = "" }, Ct), "text");
        AssertField(await client.PostJsonAsync("/api/suggest", new { text = new string('a', 30_001) }, Ct), "text");
        AssertField(await client.PostJsonAsync("/api/suggest", new { text = "asunto", limit = 0 }, Ct), "limit");
        AssertField(await client.PostJsonAsync("/api/suggest", new { text = "asunto", threshold = 1.5 }, Ct), "threshold");
    }

    [Fact]
    public async Task Transition_without_target_or_with_unknown_target_is_refused()
    {
        var report = await Fx.SubmitAsync("worker-a");
        var url = $"/api/reports/{report["id"]}/transitions";
        AssertField(await Fx.Client("lead-a").PostJsonAsync(url, new { comment = "x" }, Ct), "to");
        AssertField(await Fx.Client("lead-a").PostJsonAsync(url, new { to = "valmis" }, Ct), "to");
        AssertField(await Fx.Client("lead-a").PostJsonAsync(url, new { to = "raportoitu", period = "2024H5" }, Ct), "period");
    }
}

public sealed class ValidationSqliteTests(SqliteService fixture) : ValidationTests(fixture), IClassFixture<SqliteService>;

public sealed class ValidationPostgresTests(PostgresService fixture) : ValidationTests(fixture), IClassFixture<PostgresService>;

namespace SosRap.Api.Tests.Service;

/// <summary>The versioned taxonomy, its 11 § mapping, and the administrator's changes.</summary>
public abstract class TaxonomyTests(ServiceFixture fixture) : ServiceTests(fixture)
{
    private static object Category(string id, string need = "asuminen") =>
        new { id, name = "Nimi " + id, description = "Kuvaus " + id, terms = new[] { "termi" }, support_need = need };

    [Fact]
    public async Task The_default_taxonomy_is_data_taxonomy_json_with_every_support_need()
    {
        var reply = await Fx.Client("worker-a").GetJsonAsync("/api/taxonomy/versions/1", Ct);
        Assert.Equal(200, reply.Code);
        var expected = RepoFiles.TaxonomyNeeds();
        var categories = reply.Body["categories"]!.AsArray();
        Assert.Equal(expected.Keys, categories.Select(c => c!["id"]!.GetValue<string>()));
        Assert.All(categories, c => Assert.Equal(expected[c!["id"]!.GetValue<string>()], c["support_need"]!.GetValue<string>()));
        Assert.Contains("vuokravakuus", categories[0]!["terms"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task Support_needs_are_the_twelve_entries_of_the_law_items()
    {
        var reply = await Fx.Client("researcher").GetJsonAsync("/api/support-needs", Ct);
        var needs = reply.Body.AsArray();
        Assert.Equal(RepoFiles.SupportNeedItems().OrderBy(kv => kv.Key), needs.Select(n => KeyValuePair.Create(n!["id"]!.GetValue<string>(), n["law_item"]!.GetValue<int>())).OrderBy(kv => kv.Key));
    }

    [Fact]
    public async Task An_unknown_version_is_404()
    {
        Assert.Equal(404, (await Fx.Client("worker-a").GetJsonAsync("/api/taxonomy/versions/999", Ct)).Code);
    }

    [Fact]
    public async Task A_new_version_is_checked_and_new_reports_use_it_while_old_ones_keep_theirs()
    {
        var admin = Fx.Client("admin");
        Assert.Contains("categories[0].support_need",
            (await admin.PostJsonAsync("/api/taxonomy/versions", new { note = "Kokeilu", categories = new[] { Category("aa", "ei_ole") } }, Ct)).ErrorFields);
        Assert.Contains("categories[1].id",
            (await admin.PostJsonAsync("/api/taxonomy/versions", new { note = "Kokeilu", categories = new[] { Category("aa"), Category("aa") } }, Ct)).ErrorFields);
        Assert.Contains("categories[0].id",
            (await admin.PostJsonAsync("/api/taxonomy/versions", new { note = "Kokeilu", categories = new[] { Category("Iso Kirjain") } }, Ct)).ErrorFields);
        Assert.Contains("categories",
            (await admin.PostJsonAsync("/api/taxonomy/versions", new { note = "Kokeilu", categories = Array.Empty<object>() }, Ct)).ErrorFields);

        var old = await Fx.SubmitAsync("worker-a", categories: ["digi"]);
        var created = await admin.PostJsonAsync("/api/taxonomy/versions",
            new { note = "Karsittu", categories = new[] { Category("asuminen"), Category("talous", "taloudellinen_tuki") } }, Ct);
        Assert.Equal(200, created.Code);
        var version = created.Body["version"]!.GetValue<int>();
        Assert.Equal(version, (await Fx.Client("worker-a").GetJsonAsync("/api/taxonomy", Ct)).Body["version"]!.GetValue<int>());

        var refused = await Fx.Client("worker-a").PostJsonAsync("/api/reports",
            new { phenomenon = "x", service_area = ServiceFixture.AreaA, categories = new[] { "digi" } }, Ct);
        Assert.Contains("categories[0]", refused.ErrorFields);
        var fresh = await Fx.SubmitAsync("worker-a", categories: ["talous"]);
        Assert.Equal(version, fresh["taxonomy_version"]!.GetValue<int>());
        var kept = await Fx.Client("worker-a").GetJsonAsync($"/api/reports/{old["id"]}", Ct);
        Assert.Equal(["digi"], kept.Body["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.True(kept.Body["taxonomy_version"]!.GetValue<int>() < version);

        // The old report is still confirmed against its own version.
        var confirmed = await Fx.Client("lead-a").PostJsonAsync($"/api/reports/{old["id"]}/transitions", new { to = "alkukasitelty" }, Ct);
        Assert.Equal(200, confirmed.Code);

        var versions = await Fx.Client("worker-a").GetJsonAsync("/api/taxonomy/versions", Ct);
        var first = versions.Body.AsArray()[0]!;
        Assert.Equal(version, first["version"]!.GetValue<int>());
        Assert.True(first["current"]!.GetValue<bool>());
        Assert.Equal(2, first["categories"]!.GetValue<int>());

        // Put the default categories back for the other tests of this class.
        var restore = (await Fx.Client("worker-a").GetJsonAsync("/api/taxonomy/versions/1", Ct)).Body["categories"]!.AsArray()
            .Select(c => new { id = c!["id"]!.GetValue<string>(), name = c["name"]!.GetValue<string>(), description = c["description"]!.GetValue<string>(), support_need = c["support_need"]!.GetValue<string>() });
        Assert.Equal(200, (await admin.PostJsonAsync("/api/taxonomy/versions", new { note = "Palautus", categories = restore }, Ct)).Code);
    }

    [Fact]
    public async Task Adding_an_existing_category_is_409()
    {
        var reply = await Fx.Client("admin").PostJsonAsync("/api/taxonomy/categories", new { category = Category("asuminen") }, Ct);
        Assert.Equal(409, reply.Code);
    }
}

public sealed class TaxonomySqliteTests(SqliteService fixture) : TaxonomyTests(fixture), IClassFixture<SqliteService>;

public sealed class TaxonomyPostgresTests(PostgresService fixture) : TaxonomyTests(fixture), IClassFixture<PostgresService>;

namespace SosRap.Api.Tests.Service;

/// <summary>Users and keys for administrators: validation, keys shown once and stored as hashes, audit.</summary>
public abstract class UsersTests(ServiceFixture fixture) : ServiceTests(fixture)
{
    [Fact]
    public async Task A_supervisor_needs_a_service_area_and_the_role_must_be_known()
    {
        var admin = Fx.Client("admin");
        Assert.Contains("service_areas", (await admin.PostJsonAsync("/api/users", new { name = "E", role = "esihenkilo" }, Ct)).ErrorFields);
        Assert.Contains("role", (await admin.PostJsonAsync("/api/users", new { name = "E", role = "johtaja" }, Ct)).ErrorFields);
        Assert.Contains("name", (await admin.PostJsonAsync("/api/users", new { name = "", role = "tutkija" }, Ct)).ErrorFields);
    }

    [Fact]
    public async Task A_new_key_is_shown_once_and_listed_without_its_secret()
    {
        var admin = Fx.Client("admin");
        var user = await admin.PostJsonAsync("/api/users", new { name = "Avaintesti", role = "tutkija" }, Ct);
        Assert.Equal(201, user.Code);
        var id = user.Body["id"]!.GetValue<string>();
        var created = await admin.PostJsonAsync($"/api/users/{id}/keys", new { label = "Integraatio", expires_in_days = 30 }, Ct);
        Assert.Equal(201, created.Code);
        var key = created.Body["key"]!.GetValue<string>();
        Assert.StartsWith("srk_", key, StringComparison.Ordinal);
        Assert.Equal(47, key.Length);
        var expires = created.Body["metadata"]!["expires_at"]!.GetValue<DateTime>();
        Assert.InRange((expires - DateTime.UtcNow).TotalDays, 29.9, 30.1);

        var listed = await admin.GetJsonAsync($"/api/users/{id}/keys", Ct);
        var entry = Assert.Single(listed.Body.AsArray());
        Assert.Equal(key[..12], entry!["prefix"]!.GetValue<string>());
        Assert.DoesNotContain(key[12..], listed.Text, StringComparison.Ordinal);
        Assert.Null(entry["hash"]);

        var audit = await admin.GetJsonAsync("/api/audit?entity_type=api_key&entity_id=" + entry["id"], Ct);
        Assert.Equal("api_key.created", audit.Body["items"]![0]!["action"]!.GetValue<string>());
        Assert.DoesNotContain(key[12..], audit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_users_and_keys_are_404()
    {
        var admin = Fx.Client("admin");
        Assert.Equal(404, (await admin.GetJsonAsync($"/api/users/{Guid.NewGuid()}", Ct)).Code);
        Assert.Equal(404, (await admin.PostJsonAsync($"/api/users/{Guid.NewGuid()}/keys", new { label = "x" }, Ct)).Code);
        Assert.Equal(404, (await admin.DeleteJsonAsync($"/api/keys/{Guid.NewGuid()}", Ct)).Code);
    }

    [Fact]
    public async Task Changing_a_user_is_audited_with_previous_values()
    {
        var admin = Fx.Client("admin");
        var user = await admin.PostJsonAsync("/api/users", new { name = "Siirtyvä", role = "tyontekija", service_areas = new[] { "A" } }, Ct);
        var id = user.Body["id"]!.GetValue<string>();
        var changed = await admin.PutJsonAsync($"/api/users/{id}", new { name = "Siirtyvä", role = "esihenkilo", service_areas = new[] { "A", "B" } }, Ct);
        Assert.Equal(200, changed.Code);
        Assert.Equal("esihenkilo", changed.Body["role"]!.GetValue<string>());
        var audit = await admin.GetJsonAsync($"/api/audit?entity_type=user&entity_id={id}", Ct);
        var changes = audit.Body["items"]![0]!["changes"]!.AsArray();
        Assert.Contains(changes, c => c!["field"]!.GetValue<string>() == "role" && c["old"]!.GetValue<string>() == "tyontekija" && c["new"]!.GetValue<string>() == "esihenkilo");
        Assert.Contains(changes, c => c!["field"]!.GetValue<string>() == "service_areas" && c["old"]!.GetValue<string>() == "A" && c["new"]!.GetValue<string>() == "A|B");
        Assert.DoesNotContain(changes, c => c!["field"]!.GetValue<string>() == "name");
    }
}

public sealed class UsersSqliteTests(SqliteService fixture) : UsersTests(fixture), IClassFixture<SqliteService>;

public sealed class UsersPostgresTests(PostgresService fixture) : UsersTests(fixture), IClassFixture<PostgresService>;

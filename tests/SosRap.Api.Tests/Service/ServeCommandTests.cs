namespace SosRap.Api.Tests.Service;

/// <summary><c>sosrap serve</c> as a user starts it: demo mode by default, and a Production start that is never default-open.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_options_it_creates_the_database_under_var_loads_the_samples_and_prints_the_url_and_demo_keys()
    {
        await using var serve = ServeProcess.Start(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string>(), _folder.Path);
        var url = await serve.StartedAsync(Ct);
        await serve.WaitForOutputAsync("Esimerkki-ilmoituksia ladattu", Ct);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "var", "sosrap.db")));
        Assert.Contains("ESITTELYTILA", serve.Output, StringComparison.Ordinal);
        Assert.Contains("Esimerkki-ilmoituksia ladattu: 200", serve.Output, StringComparison.Ordinal);
        var key = serve.Output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("tyoryhma ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        using var client = new HttpClient { BaseAddress = url };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var list = await client.GetJsonAsync("/api/reports?page_size=1", Ct);
        Assert.Equal(200, list.Body["total"]!.GetValue<long>());
        using var ui = await client.GetAsync("/", Ct);
        Assert.Equal("text/html; charset=utf-8", ui.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Production_without_an_administrator_key_refuses_to_start_with_a_clear_message()
    {
        await using var serve = ServeProcess.Start(["--urls", "http://127.0.0.1:0", "--environment", "Production"], new Dictionary<string, string>(), _folder.Path);
        Assert.Equal(2, await serve.WaitForExitAsync(Ct));
        Assert.Contains("SosRap:Auth:AdminApiKey puuttuu", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("srk_", serve.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "var", "demo-keys.json")));
    }

    [Fact]
    public async Task Production_refuses_demo_mode_and_a_short_administrator_key()
    {
        await using var demo = ServeProcess.Start(["--urls", "http://127.0.0.1:0"], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["SosRap__Auth__AdminApiKey"] = new string('k', 40),
            ["SosRap__Demo__Enabled"] = "true",
        }, _folder.Path);
        Assert.Equal(2, await demo.WaitForExitAsync(Ct));
        Assert.Contains("SosRap:Demo:Enabled", demo.Output, StringComparison.Ordinal);

        await using var weak = ServeProcess.Start(["--urls", "http://127.0.0.1:0", "--environment", "Production"],
            new Dictionary<string, string> { ["SosRap__Auth__AdminApiKey"] = "lyhyt" }, _folder.Path);
        Assert.Equal(2, await weak.WaitForExitAsync(Ct));
        Assert.Contains("SosRap:Auth:AdminApiKey", weak.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_an_administrator_key_starts_without_demo_users_or_samples()
    {
        var key = "prod-" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        await using var serve = ServeProcess.Start(["--urls", "http://127.0.0.1:0", "--environment", "Production", "--db", Path.Combine(_folder.Path, "prod.db")],
            new Dictionary<string, string> { ["SosRap__Auth__AdminApiKey"] = key }, _folder.Path);
        var url = await serve.StartedAsync(Ct);
        Assert.DoesNotContain("ESITTELYTILA", serve.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, serve.Output, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = url };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var users = await client.GetJsonAsync("/api/users", Ct);
        Assert.Equal(["Ylläpitäjä (asetukset)"], users.Body.AsArray().Select(u => u!["name"]!.GetValue<string>()));
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "var")) && File.Exists(Path.Combine(_folder.Path, "var", "demo-keys.json")));
    }

    public void Dispose() => _folder.Dispose();
}

using Microsoft.Playwright;

namespace SosRap.Api.Tests.Service;

/// <summary>The service with the scripted analysis and a headless Debian Chromium driven by Playwright.</summary>
public sealed class UiService : ScriptedSqliteService
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

/// <summary>
/// The Finnish web UI against the real service on a real socket: signing in, submitting and seeing
/// the redaction, handling a report in the queue, the working group's views, administration.
/// </summary>
public sealed class UiTests(UiService fixture) : IClassFixture<UiService>, IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private readonly List<string> _consoleErrors = [];

    public async ValueTask InitializeAsync()
    {
        Assert.SkipUnless(File.Exists("/usr/bin/chromium"), "Debian chromium is not installed (scripts/setup.sh --test)");
        _context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString(), Locale = "fi-FI" });
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null) await _context.DisposeAsync();
    }

    private async Task<IPage> SignInAsync(string user)
    {
        var page = await _context.NewPageAsync();
        page.Console += (_, m) =>
        {
            if (m.Type == "error") _consoleErrors.Add(m.Text);
        };
        await page.GotoAsync("/");
        await page.FillAsync("#api-key", fixture.Keys[user]);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.Locator("#tabs button").First.WaitForAsync();
        Assert.Equal(user == "admin" ? "Ylläpitäjä (asetukset)" : user, await page.InnerTextAsync("#who-name"));
        return page;
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_a_message()
    {
        var page = await _context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("SosRap – rakenteellisen sosiaalityön ilmiöt", await page.TitleAsync());
        await page.FillAsync("#api-key", "srk_väärä");
        await page.ClickAsync("#login-form button[type=submit]");
        await page.Locator("#login-error").WaitForAsync();
        Assert.Contains("Avain ei kelpaa", await page.InnerTextAsync("#login-error"), StringComparison.Ordinal);
        Assert.True(await page.IsHiddenAsync("#tabs"));
    }

    [Fact]
    public async Task A_worker_submits_a_report_and_sees_what_was_redacted_and_the_suggestions()
    {
        var page = await SignInAsync("worker-a");
        Assert.Equal(["Uusi ilmoitus", "Omat ilmoitukset"], await page.Locator("#tabs button").AllInnerTextsAsync());
        await page.FillAsync("#f-phenomenon", "Asiakas Pekka Virtanen ei saa vuokravakuutta, puhelin 040 123 4567.");
        await page.FillAsync("#f-municipality", "Paltamo");
        await page.FillAsync("#f-reported-at", "2025-05-06");
        await page.CheckAsync("#f-categories input[value=asuminen]");
        await page.ClickAsync("#report-form button[type=submit]");
        await page.Locator("[data-role=saved]").WaitForAsync();

        var shown = await page.InnerTextAsync("#submit-result [data-role=phenomenon]");
        Assert.Equal("Asiakas [NIMI] ei saa vuokravakuutta, puhelin [PUHELIN].", shown);
        Assert.Contains("1 × nimi, 1 × puhelinnumero", await page.InnerTextAsync("#submit-result .redaction"), StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("#submit-result .suggestion").CountAsync());
        Assert.Contains("Asuminen ja asunnottomuus", await page.InnerTextAsync("#submit-result .suggestion >> nth=0"), StringComparison.Ordinal);
        Assert.DoesNotContain("Virtanen", await page.ContentAsync(), StringComparison.Ordinal);

        await page.ClickAsync("#tabs button[data-tab=mine]");
        await page.Locator("#mine-table tbody tr >> text=Paltamo").First.WaitForAsync();
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task A_supervisor_accepts_a_suggestion_confirms_categories_and_returns_another_report()
    {
        var first = await fixture.SubmitAsync("worker-a", phenomenon: "Kelan päätökset viipyvät ja vuokrat jäävät maksamatta.", categories: []);
        var second = await fixture.SubmitAsync("worker-a", phenomenon: "Epäselvä ilmoitus.", categories: []);
        var page = await SignInAsync("lead-a");
        await page.ClickAsync("#tabs button[data-tab=queue]");
        await page.ClickAsync($"#queue-table tr[data-id='{first["id"]}']");
        await page.Locator("#queue-detail .suggestion[data-category=asuminen] [data-action=accept]").ClickAsync();
        await page.Locator("#queue-detail .suggestion[data-category=asuminen] .decision-accepted").WaitForAsync();
        Assert.True(await page.IsCheckedAsync("#confirm-categories input[value=asuminen]"));
        await page.ClickAsync("#confirm");
        await page.Locator("#queue-detail .state >> text=alkukäsitelty").WaitForAsync();

        var stored = await fixture.Client("lead-a").GetJsonAsync($"/api/reports/{first["id"]}", TestContext.Current.CancellationToken);
        Assert.Equal("alkukasitelty", stored.Body["state"]!.GetValue<string>());
        Assert.Equal(["asuminen"], stored.Body["categories"]!.AsArray().Select(c => c!.GetValue<string>()));

        await page.SelectOptionAsync("#q-state", "uusi");
        await page.ClickAsync($"#queue-table tr[data-id='{second["id"]}']");
        await page.FillAsync("#return-comment", "Kuvaa ilmiö tarkemmin.");
        await page.ClickAsync("#return");
        await page.Locator("#queue-detail [data-role=return-comment]").WaitForAsync();
        Assert.Contains("Kuvaa ilmiö tarkemmin.", await page.InnerTextAsync("#queue-detail [data-role=return-comment]"), StringComparison.Ordinal);
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task The_working_group_sees_statistics_per_support_need_and_the_clusters()
    {
        var report = await fixture.SubmitAsync("worker-a", categories: ["velat", "toimeentulo"], reportedAt: "2025-02-02");
        await fixture.Client("lead-a").PostJsonAsync($"/api/reports/{report["id"]}/transitions", new { to = "alkukasitelty" }, TestContext.Current.CancellationToken);
        var page = await SignInAsync("group");
        Assert.Equal(["Käsittelyjono", "Ryppäät ja teemat", "Tilastot"], await page.Locator("#tabs button").AllInnerTextsAsync());
        await page.ClickAsync("#tabs button[data-tab=stats]");
        await page.SelectOptionAsync("#s-dimension", "support_need");
        await page.FillAsync("#s-period", "2025H1");
        await page.ClickAsync("#s-refresh");
        var need = page.Locator("#stats-table tr[data-key=taloudellinen_tuki] td.num");
        await need.WaitForAsync();
        Assert.True(int.Parse(await need.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.True(await page.IsVisibleAsync("#e-download"));

        await page.ClickAsync("#tabs button[data-tab=analysis]");
        await page.Locator("#clusters table >> text=vuokra · vakuus").WaitForAsync();
        await page.Locator("#candidates >> text=pankki · käteinen").WaitForAsync();
        Assert.Empty(_consoleErrors);
    }

    [Fact]
    public async Task An_administrator_adds_a_user_and_gets_a_key_shown_once()
    {
        var page = await SignInAsync("admin");
        await page.FillAsync("#u-name", "Uusi Tutkija");
        await page.SelectOptionAsync("#u-role", "tutkija");
        await page.ClickAsync("#user-form button[type=submit]");
        var row = page.Locator("#users-table tr", new PageLocatorOptions { HasText = "Uusi Tutkija" });
        await row.WaitForAsync();
        await row.Locator("button").ClickAsync();
        var key = await page.Locator("#new-key-value").InnerTextAsync();
        Assert.StartsWith("srk_", key, StringComparison.Ordinal);
        using var client = fixture.NewClient(key);
        var me = await client.GetJsonAsync("/api/me", TestContext.Current.CancellationToken);
        Assert.Equal("tutkija", me.Body["role"]!.GetValue<string>());
        Assert.Empty(_consoleErrors);
    }
}

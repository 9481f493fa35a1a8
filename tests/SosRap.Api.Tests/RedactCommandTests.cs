using System.Diagnostics;
using System.Text;
using SosRap.Api.Cli;

namespace SosRap.Api.Tests;

/// <summary>Runs the real <c>sosrap</c> executable (built next to the tests) with <c>redact</c>.</summary>
public sealed class RedactCommandTests
{
    private static Task<(int Code, string Stdout, string Stderr)> RunSosrapAsync(string stdin, params string[] args)
        => RunSosrapInLocaleAsync(null, stdin, args);

    private static async Task<(int Code, string Stdout, string Stderr)> RunSosrapInLocaleAsync(string? locale, string stdin, params string[] args)
    {
        var dll = Path.Combine(Path.GetDirectoryName(typeof(SosRapCli).Assembly.Location)!, "sosrap.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (locale is not null)
        {
            start.Environment["LANG"] = locale;
            start.Environment["LC_ALL"] = locale;
        }

        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var ct = TestContext.Current.CancellationToken;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardInput.WriteAsync(stdin.AsMemory(), ct);
        process.StandardInput.Close();
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await stdout, await stderr);
    }

    private const string Report =
        "Asiakas Marko L. (marko.l77@example.com) soitti numerosta 044 987 6543.\r\n"
        + "Hetu 131052-308T, tili FI21 1234 5600 0007 85, osoite Koulutie 5 B.\r\n\r\n"
        + "Kajaanissa vuokra 1 200 € ja Kela maksaa 1.1.2024 alkaen.\n";

    [Fact]
    public async Task Redact_writes_the_redacted_text_to_stdout_and_nothing_to_stderr()
    {
        var (code, stdout, stderr) = await RunSosrapAsync(Report, "redact");
        Assert.Equal(0, code);
        Assert.Equal(
            "Asiakas [NIMI] ([SÄHKÖPOSTI]) soitti numerosta [PUHELIN].\r\n"
            + "Hetu [HETU], tili [IBAN], osoite [OSOITE].\r\n\r\n"
            + "Kajaanissa vuokra 1 200 € ja Kela maksaa 1.1.2024 alkaen.\n",
            stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task Report_option_prints_counts_per_kind_to_stderr_without_any_text()
    {
        var (code, stdout, stderr) = await RunSosrapAsync(Report, "redact", "--report");
        Assert.Equal(0, code);
        Assert.Contains("[NIMI]", stdout, StringComparison.Ordinal);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("sosrap redact: poistettu 6 kohtaa", lines[0]);
        Assert.Equal(["HETU 1", "IBAN 1", "SÄHKÖPOSTI 1", "PUHELIN 1", "OSOITE 1", "NIMI 1"],
            lines[1..].Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
        foreach (var secret in new[] { "Marko", "marko.l77", "987 6543", "131052", "FI21", "Koulutie" })
            Assert.DoesNotContain(secret, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_is_read_and_written_as_utf8_whatever_the_locale()
    {
        const string text = "Äiti Sirkku-Liisa kertoi: ”Kelan päätös viipyy” 😕 — ÅÄÖ åäö é.\n";
        var (code, stdout, stderr) = await RunSosrapInLocaleAsync("C", text, "redact", "--report");
        Assert.Equal(0, code);
        Assert.Equal("Äiti [NIMI] kertoi: ”Kelan päätös viipyy” 😕 — ÅÄÖ åäö é.\n", stdout);
        Assert.Contains("SÄHKÖPOSTI", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Byte_order_mark_on_input_is_not_copied_to_output()
    {
        var (code, stdout, _) = await RunSosrapAsync("\uFEFFAsiakas Marko L. soitti.", "redact");
        Assert.Equal(0, code);
        Assert.Equal("Asiakas [NIMI] soitti.", stdout);
    }

    [Fact]
    public async Task Empty_input_gives_empty_output_and_success()
    {
        var (code, stdout, _) = await RunSosrapAsync("", "redact");
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task Unknown_option_fails_without_reading_input()
    {
        var (code, _, stderr) = await RunSosrapAsync("Asiakas Marko L.", "redact", "--no-such-option");
        Assert.NotEqual(0, code);
        Assert.Contains("--no-such-option", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Marko", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redact_is_listed_in_the_help()
    {
        var (code, stdout, stderr) = await RunSosrapAsync("", "--help");
        Assert.True(code == 0, stderr);
        Assert.Contains("redact", stdout, StringComparison.Ordinal);
    }
}

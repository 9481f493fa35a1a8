using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SosRap.Api.Hosting;

namespace SosRap.Api.Cli;

/// <summary>
/// <c>sosrap serve</c>: the HTTP service and its web UI. Without options: SQLite under <c>var/</c>,
/// created and migrated on first start, demo users and the sample reports loaded (Development).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls")
        {
            Description = "Osoitteet, joissa palvelu kuuntelee (oletus http://127.0.0.1:5080).",
        };
        var db = new Option<string?>("--db")
        {
            Description = "Tietokanta: SQLite-tiedoston polku tai PostgreSQL-yhteysmerkkijono (\"Host=…;Database=…\"). Oletus var/sosrap.db.",
        };
        var dataDir = new Option<string?>("--data-dir")
        {
            Description = "Hakemisto oletustietokannalle ja demoavaimille (oletus var).",
        };
        var environment = new Option<string?>("--environment")
        {
            Description = "Ympäristö: Development (oletus: demokäyttäjät ja esimerkkiaineisto) tai Production (vaatii ylläpitäjän avaimen).",
        };
        var noSample = new Option<bool>("--no-sample-data")
        {
            Description = "Älä lataa esimerkki-ilmoituksia tyhjään tietokantaan.",
        };
        var command = new Command("serve", "Käynnistää SosRap-palvelun: HTTP-rajapinta, selainkäyttöliittymä (/), API-kuvaus (/docs).")
        {
            urls, db, dataDir, environment, noSample,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = new ServeSettings
            {
                Urls = parseResult.GetValue(urls) ?? (System.Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null ? "http://127.0.0.1:5080" : null),
                Database = parseResult.GetValue(db),
                DataDirectory = parseResult.GetValue(dataDir),
                Environment = parseResult.GetValue(environment)
                    ?? System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                    ?? System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                    ?? "Development",
                SampleData = parseResult.GetValue(noSample) ? false : null,
            };
            return await RunAsync(settings, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken)
                .ConfigureAwait(false);
        });
        return command;
    }

    internal static async Task<int> RunAsync(ServeSettings settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = SosRapWebApp.Build(SosRapWebApp.CreateBuilder(settings));
            _ = app.Services.GetRequiredService<IOptions<SosRapOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures) await error.WriteLineAsync($"sosrap: asetusvirhe: {failure}").ConfigureAwait(false);
            return CliRunner.InvalidInput;
        }

        await using (app.ConfigureAwait(false))
        {
            var startup = await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken).ConfigureAwait(false);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var database = app.Services.GetRequiredService<DatabaseTarget>();
            await output.WriteLineAsync($"SosRap-palvelu käynnissä ({app.Environment.EnvironmentName}), tietokanta: {database.Describe()}").ConfigureAwait(false);
            foreach (var address in addresses)
                await output.WriteLineAsync($"  Avaa selaimessa: {address}/   API-kuvaus: {address}/docs").ConfigureAwait(false);
            if (startup.Demo)
            {
                await output.WriteLineAsync("ESITTELYTILA — vain kokeiluun, ei oikeille tiedoille. Demoavaimet (X-Api-Key):").ConfigureAwait(false);
                foreach (var (account, key) in startup.DemoKeys)
                    await output.WriteLineAsync($"  {account.Slug,-12} {key}   {account.Name}").ConfigureAwait(false);
                if (startup.SampleReportsImported > 0)
                    await output.WriteLineAsync($"  Esimerkki-ilmoituksia ladattu: {startup.SampleReportsImported}").ConfigureAwait(false);
            }

            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }
}

using System.CommandLine;
using SosRap.Pipeline;
using SosRap.Pipeline.Clustering;

namespace SosRap.Api.Cli;

/// <summary>
/// <c>sosrap cluster</c>: groups reports into themes and writes the assignments (one
/// <c>{"id","cluster"}</c> per report, <c>"-1"</c> = outlier), the cluster descriptions and an HTML
/// page for analysts. With <c>--history</c> the clusters are also ranked by novelty against earlier reports.
/// </summary>
internal static class ClusterCommand
{
    internal sealed record Request(string Input, ThemeCommandSupport.Outputs Outputs, ThemeAnalysisOptions Options, string? History, string? Previous, string? VoikkoPath,
        DateOnly? From = null, DateOnly? To = null);

    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Ryhmiteltävät raportit (.csv, .jsonl, .parquet)", Required = true };
        var output = new Option<string>("--output") { Description = "Ryhmäjako: yksi {\"id\",\"cluster\"} raporttia kohden (\"-1\" = ei ryhmää)", Required = true };
        var clusters = new Option<string?>("--clusters") { Description = "Ryhmien kuvaukset (avainsanat, edustavat raportit, jaksot, trendi)" };
        var html = new Option<string?>("--html") { Description = "Analyytikon HTML-sivu (yksi itsenäinen tiedosto)" };
        var method = new Option<string>("--method") { Description = "Menetelmä: auto, kmeans, graph tai mlnet-kmeans (ML.NET:n k-means)", DefaultValueFactory = _ => "auto" };
        var k = new Option<int?>("--k") { Description = "Ryhmien määrä k-meansille (oletus: valitaan automaattisesti siluetilla)" };
        var seed = new Option<int>("--seed") { Description = "Siemenluku", DefaultValueFactory = _ => new ClusteringOptions().Seed };
        var period = new Option<string>("--period") { Description = "Jakso: half-year, quarter tai year", DefaultValueFactory = _ => "half-year" };
        var previous = new Option<string?>("--previous") { Description = "Edellisen ajon ryhmätiedosto (--clusters): samat ryhmät saavat samat tunnukset" };
        var history = new Option<string?>("--history") { Description = "Aiemmat raportit: ryhmät järjestetään uutuuden mukaan ja uudet ilmiöt merkitään" };
        var model = new Option<string?>("--model") { Description = "Koulutettu mallihakemisto (historiana; katso docs/clustering.md)" };
        var format = new Option<string>("--format") { Description = "Tulosmuoto: jsonl tai parquet", DefaultValueFactory = _ => "jsonl" };
        var voikkoPath = new Option<string?>("--voikko-path") { Description = "Voikon sanakirjahakemisto" };
        var from = new Option<string?>("--from") { Description = "Vain raportit tästä päivästä alkaen (VVVV-KK-PP)" };
        var to = new Option<string?>("--to") { Description = "Vain raportit tähän päivään asti (VVVV-KK-PP, mukaan lukien)" };
        var command = new Command("cluster", "Ryhmittelee raportit teemoiksi: avainsanat, edustavat raportit, määrät jaksoittain ja trendit.")
        {
            input, output, clusters, html, method, k, seed, period, previous, history, model, format, from, to, voikkoPath,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var options = ThemeCommandSupport.Options(ThemeCommandSupport.Method(parseResult.GetRequiredValue(method)), parseResult.GetValue(k),
                parseResult.GetValue(seed), ThemeCommandSupport.Period(parseResult.GetRequiredValue(period)));
            var request = new Request(parseResult.GetRequiredValue(input),
                new ThemeCommandSupport.Outputs(parseResult.GetRequiredValue(output), parseResult.GetValue(clusters), parseResult.GetValue(html),
                    ThemeCommandSupport.Format(parseResult.GetRequiredValue(format))),
                options, ModelHistory.Resolve(parseResult.GetValue(model), parseResult.GetValue(history)), parseResult.GetValue(previous), parseResult.GetValue(voikkoPath),
                ThemeCommandSupport.Date(parseResult.GetValue(from), "--from"), ThemeCommandSupport.Date(parseResult.GetValue(to), "--to"));
            if (request.From > request.To)
                throw new InputException($"--from ({request.From:yyyy-MM-dd}) on myöhemmin kuin --to ({request.To:yyyy-MM-dd})", field: "--from");
            return RunAsync(request, parseResult.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    internal static async Task<int> RunAsync(Request request, TextWriter error, CancellationToken cancellationToken)
    {
        var reports = await ThemeCommandSupport.ReadAsync(request.Input, cancellationToken).ConfigureAwait(false);
        if (request.From is not null || request.To is not null)
        {
            // A date range keeps the reports dated within it; undated reports cannot be placed in it.
            var all = reports.Count;
            reports = reports.Where(r => r.ReportedAt is { } d && (request.From is null || d >= request.From) && (request.To is null || d <= request.To)).ToList();
            await error.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"sosrap: aikaväli {request.From:yyyy-MM-dd}–{request.To:yyyy-MM-dd}: {reports.Count} / {all} raporttia mukana")).ConfigureAwait(false);
            if (reports.Count == 0) throw new InputException("aikavälillä ei ole yhtään raporttia", request.Input, field: "--from/--to");
        }

        var historyReports = request.History is null ? null : await ThemeCommandSupport.ReadAsync(request.History, cancellationToken).ConfigureAwait(false);
        var previous = request.Previous is null ? null : await ClusterFiles.ReadPreviousAsync(request.Previous, cancellationToken).ConfigureAwait(false);
        var (lemmatizer, analyzer) = await ThemeCommandSupport.AnalyzerAsync(request.VoikkoPath, error).ConfigureAwait(false);
        if (lemmatizer is null) return CliRunner.MissingDependency;
        using (lemmatizer)
        {
            var history = historyReports is null ? null : ReportHistory.FromReports(historyReports, analyzer!, cancellationToken);
            var result = await Task.Run(() => new ThemeAnalysis(analyzer!).Run(reports, request.Options, history, previous, ThemeCommandSupport.Log(error), cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            await ThemeCommandSupport.WriteAsync(result, reports, request.Outputs, "Teemat", cancellationToken).ConfigureAwait(false);
            await ThemeCommandSupport.SummaryAsync(result, reports.Count, error).ConfigureAwait(false);
        }

        return 0;
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SosRap.Pipeline.Clustering;

namespace SosRap.Api.Cli;

/// <summary>
/// <c>sosrap themes</c>: clusters a batch of new reports against a history (a trained model
/// directory or the earlier reports) and lists the candidate new themes — clusters whose reports
/// share vocabulary that was rare before — as a Finnish table on stdout (JSON with <c>--json</c>).
/// Writes the batch's assignments so they can be scored.
/// </summary>
internal static class ThemesCommand
{
    internal sealed record Request(string Input, string History, ThemeCommandSupport.Outputs Outputs, ThemeAnalysisOptions Options, bool Json, string? VoikkoPath);

    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "Koulutettu mallihakemisto (sen historiaraportit)" };
        var history = new Option<string?>("--history") { Description = "Aiemmat raportit (.csv, .jsonl, .parquet), jos mallihakemistoa ei ole" };
        var input = new Option<string>("--input") { Description = "Uudet raportit", Required = true };
        var output = new Option<string?>("--output") { Description = "Uusien raporttien ryhmäjako ({\"id\",\"cluster\"})" };
        var clusters = new Option<string?>("--clusters") { Description = "Ryhmien kuvaukset uutuusnäyttöineen" };
        var html = new Option<string?>("--html") { Description = "Analyytikon HTML-sivu" };
        var method = new Option<string>("--method") { Description = "Menetelmä: auto, kmeans, graph tai mlnet-kmeans (ML.NET:n k-means)", DefaultValueFactory = _ => "auto" };
        var k = new Option<int?>("--k") { Description = "Ryhmien määrä (oletus: automaattinen)" };
        var seed = new Option<int>("--seed") { Description = "Siemenluku", DefaultValueFactory = _ => new ClusteringOptions().Seed };
        var period = new Option<string>("--period") { Description = "Jakso: half-year, quarter tai year", DefaultValueFactory = _ => "half-year" };
        var json = new Option<bool>("--json") { Description = "Ehdokkaat JSON-muodossa vakiotulosteeseen" };
        var format = new Option<string>("--format") { Description = "Tiedostojen muoto: jsonl tai parquet", DefaultValueFactory = _ => "jsonl" };
        var voikkoPath = new Option<string?>("--voikko-path") { Description = "Voikon sanakirjahakemisto" };
        var command = new Command("themes", "Etsii uusien raporttien joukosta uusia ilmiöitä suhteessa aiempiin raportteihin tai koulutettuun malliin.")
        {
            model, history, input, output, clusters, html, method, k, seed, period, json, format, voikkoPath,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var source = ModelHistory.Resolve(parseResult.GetValue(model), parseResult.GetValue(history))
                ?? throw new SosRap.Pipeline.InputException("anna mallihakemisto (--model) tai aiemmat raportit (--history)", field: "--model");
            var options = ThemeCommandSupport.Options(ThemeCommandSupport.Method(parseResult.GetRequiredValue(method)), parseResult.GetValue(k),
                parseResult.GetValue(seed), ThemeCommandSupport.Period(parseResult.GetRequiredValue(period)));
            var request = new Request(parseResult.GetRequiredValue(input), source,
                new ThemeCommandSupport.Outputs(parseResult.GetValue(output), parseResult.GetValue(clusters), parseResult.GetValue(html),
                    ThemeCommandSupport.Format(parseResult.GetRequiredValue(format))),
                options, parseResult.GetValue(json), parseResult.GetValue(voikkoPath));
            return RunAsync(request, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    internal static async Task<int> RunAsync(Request request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var reports = await ThemeCommandSupport.ReadAsync(request.Input, cancellationToken).ConfigureAwait(false);
        var historyReports = await ThemeCommandSupport.ReadAsync(request.History, cancellationToken).ConfigureAwait(false);
        var (lemmatizer, analyzer) = await ThemeCommandSupport.AnalyzerAsync(request.VoikkoPath, error).ConfigureAwait(false);
        if (lemmatizer is null) return CliRunner.MissingDependency;
        using (lemmatizer)
        {
            var history = ReportHistory.FromReports(historyReports, analyzer!, cancellationToken);
            var result = await Task.Run(() => new ThemeAnalysis(analyzer!).Run(reports, request.Options, history, null, ThemeCommandSupport.Log(error), cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            await ThemeCommandSupport.WriteAsync(result, reports, request.Outputs, "Uudet ilmiöt", cancellationToken).ConfigureAwait(false);
            if (request.Json) await output.WriteLineAsync(JsonSerializer.Serialize(result.Candidates, ClusterFiles.JsonOptions)).ConfigureAwait(false);
            else await output.WriteAsync(Table(result, historyReports.Count, reports.Count)).ConfigureAwait(false);
            await ThemeCommandSupport.SummaryAsync(result, reports.Count, error).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>The Finnish table of candidates (then the other clusters by novelty), for the terminal.</summary>
    internal static string Table(ThemeAnalysisResult result, int historyCount, int newCount)
    {
        var fi = CultureInfo.GetCultureInfo("fi-FI");
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(string.Create(fi, $"Uusia ilmiöehdokkaita {result.Candidates.Count} ({newCount} uutta raporttia, historiassa {historyCount})."));
        sb.AppendLine();
        sb.AppendLine(string.Create(fi, $"{"ryhmä",-6} {"uusi?",-10} {"koko",5} {"uutuus",7}  {"alkaen",-10}  nimi / yleistyneet sanat"));
        foreach (var c in result.Clusters)
        {
            var n = c.Novelty;
            var first = n?.FirstSeen is { } d ? d.ToString("d.M.yyyy", fi) : "";
            sb.AppendLine(string.Create(fi, $"{c.Id,-6} {(c.IsCandidateNewTheme ? "UUSI ILMIÖ" : ""),-10} {c.Size,5} {n?.NoveltyScore ?? 0,7:0.0}  {first,-10}  {c.Label}"));
            if (c.IsCandidateNewTheme && n is not null && n.BurstyTerms.Count > 0)
                sb.AppendLine("       yleistyneet: " + string.Join(", ", n.BurstyTerms.Select(b => string.Create(fi, $"{b.Term} ({b.NewCount}, ennen {b.HistoryShare:P0})"))));
            if (c.IsCandidateNewTheme && n?.BestCategory is { } fit)
                sb.AppendLine(string.Create(fi, $"       lähin luokka: {fit.Category} (sopivuus {fit.Cosine:0.00}, teemojen mediaani {n.TypicalCategoryFit:0.00})"));
        }

        return sb.ToString();
    }
}

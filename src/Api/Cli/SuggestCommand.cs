using System.CommandLine;
using System.Globalization;
using SosRap.Models;
using SosRap.Pipeline;
using SosRap.Pipeline.IO;
using SosRap.Pipeline.Suggestions;

namespace SosRap.Api.Cli;

/// <summary>
/// <c>sosrap suggest --model DIR --input REPORTS --output PRED.jsonl</c>: category suggestions for
/// every report, best first, as the evaluation scripts read them. <c>--input -</c> reads one text
/// from standard input and prints the suggestions readably in Finnish. <c>--taxonomy</c> without
/// <c>--model</c> runs zero-shot from the taxonomy alone.
/// </summary>
internal static class SuggestCommand
{
    internal sealed record Request(string? Model, string? Taxonomy, string Input, string? Output, int Top = 5, float? Threshold = null,
        string? Backend = null, bool Evidence = false, string? VoikkoPath = null);

    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "Mallihakemisto (sosrap train)" };
        var taxonomy = new Option<string?>("--taxonomy") { Description = "Luokitus (JSON) ilman mallia: vain zero-shot-ehdotukset" };
        var input = new Option<string>("--input") { Description = "Raporttitiedosto (.csv, .jsonl, .parquet) tai - (yksi teksti vakiosyötteestä)", Required = true };
        var output = new Option<string?>("--output") { Description = "Ehdotustiedosto (JSONL); - tai puuttuva = vakiotuloste" };
        var top = new Option<int>("--top") { Description = "Ehdotuksia raporttia kohden (oletus 5)", DefaultValueFactory = _ => 5 };
        var threshold = new Option<float?>("--threshold") { Description = "Pienin pistemäärä (oletus: tiedostolle 0, vakiosyötteelle mallin kynnys)" };
        var backend = new Option<string?>("--backend") { Description = "ensemble (oletus), knn, linear, centroid tai zeroshot" };
        var evidence = new Option<bool>("--evidence") { Description = "Lisää jokaiseen ehdotukseen perustelut (lemmat, samankaltaiset raportit)" };
        var voikkoPath = new Option<string?>("--voikko-path") { Description = "Voikon sanakirjahakemisto" };
        var command = new Command("suggest", "Ehdottaa raporteille luokkia opetetulla mallilla tai pelkällä luokituksella (zero-shot).")
        {
            model, taxonomy, input, output, top, threshold, backend, evidence, voikkoPath,
        };
        command.SetAction((p, ct) => RunAsync(
            new Request(p.GetValue(model), p.GetValue(taxonomy), p.GetRequiredValue(input), p.GetValue(output), p.GetRequiredValue(top),
                p.GetValue(threshold), p.GetValue(backend), p.GetValue(evidence), p.GetValue(voikkoPath)),
            p.InvocationConfiguration.Output, p.InvocationConfiguration.Error, Console.In, ct));
        return command;
    }

    internal static Task<int> RunAsync(Request request, TextWriter output, TextWriter log, TextReader stdin, CancellationToken cancellationToken) =>
        SuggestionCli.WithVoikkoAsync(log, async () =>
        {
            if (request.Top < 1) throw new InputException("--top pitää olla vähintään 1", field: "--top");
            if (request.Threshold is { } t && !(t is >= 0f and <= 1f)) throw new InputException("--threshold pitää olla välillä 0–1", field: "--threshold");
            if ((request.Model is null) == (request.Taxonomy is null))
                throw new InputException("anna joko --model (opetettu malli) tai --taxonomy (pelkkä zero-shot)", field: "--model");
            var backend = SuggestionCli.Backend(request.Backend);
            if (request.Input == "-")
            {
                var text = await stdin.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                if (string.IsNullOrWhiteSpace(text)) throw new InputException("vakiosyötteen teksti on tyhjä", "-");
                using var single = await OpenAsync(request, [text], cancellationToken).ConfigureAwait(false);
                var result = single.Suggest(text, request.Top, request.Threshold, backend);
                await PrintAsync(output, log, single, result).ConfigureAwait(false);
                return 0;
            }

            var (reports, _) = await ReportReader.ReadFileAsync(request.Input, null, null, cancellationToken).ConfigureAwait(false);
            using var model = await OpenAsync(request, reports.Select(r => r.FullText).ToList(), cancellationToken).ConfigureAwait(false);
            var results = new List<ReportSuggestions>(reports.Count);
            var warned = 0;
            foreach (var r in reports)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = model.Suggest(r.FullText, request.Top, request.Threshold ?? 0f, backend);
                foreach (var w in result.Warnings)
                {
                    warned++;
                    await log.WriteLineAsync($"sosrap: varoitus: raportti {r.Id}: {w}").ConfigureAwait(false);
                }

                results.Add(new ReportSuggestions(r.Id, result.Suggestions));
            }

            var n = await PredictionFiles.WriteSuggestionsAsync(request.Output ?? "-", results.ToAsyncEnumerable(), request.Evidence, cancellationToken).ConfigureAwait(false);
            await log.WriteLineAsync(string.Create(SuggestionCli.Fi,
                $"sosrap: {n:N0} raportin ehdotukset ({model.Backend(backend).Name}) → {request.Output ?? "vakiotuloste"}; varoituksia {warned:N0}")).ConfigureAwait(false);
            return 0;
        });

    private static async Task<SuggestionModel> OpenAsync(Request request, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (request.Model is not null) return SuggestionModel.Load(request.Model, request.VoikkoPath);
        var taxonomy = await TaxonomyJson.LoadAsync(request.Taxonomy!, cancellationToken).ConfigureAwait(false);
        return SuggestionModel.ZeroShot(taxonomy, texts, request.VoikkoPath, cancellationToken);
    }

    private static async Task PrintAsync(TextWriter output, TextWriter log, SuggestionModel model, SuggestionResult result)
    {
        foreach (var w in result.Warnings) await log.WriteLineAsync($"sosrap: varoitus: {w}").ConfigureAwait(false);
        await output.WriteLineAsync($"Kieli: {result.Language}").ConfigureAwait(false);
        if (result.Suggestions.Count == 0)
        {
            await output.WriteLineAsync("Ei ehdotuksia (mikään luokka ei ylittänyt kynnystä).").ConfigureAwait(false);
            return;
        }

        var rank = 0;
        foreach (var s in result.Suggestions)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.GetCultureInfo("fi-FI"),
                $"{++rank}. {SuggestionCli.CategoryName(model.Taxonomy, s.Category)} ({s.Category}) — {s.Score:0.00}")).ConfigureAwait(false);
            if (s.Evidence is { } e)
            {
                if (e.Lemmas.Count > 0) await output.WriteLineAsync($"   sanat: {string.Join(", ", e.Lemmas)}").ConfigureAwait(false);
                if (e.SimilarReportIds.Count > 0) await output.WriteLineAsync($"   samankaltaiset raportit: {string.Join(", ", e.SimilarReportIds)}").ConfigureAwait(false);
            }
        }
    }
}

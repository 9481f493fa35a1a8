using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SosRap.Pipeline;
using SosRap.Pipeline.Evaluation;
using SosRap.Pipeline.IO;

namespace SosRap.Api.Cli;

/// <summary>
/// <c>sosrap eval --model DIR --input GOLD</c>: P@1, P@k, R@k, F1@k, NDCG@5 and hit@k (the
/// definitions of the evaluation kit's <c>suggest_eval.py</c>), precision and recall per category
/// of the thresholded suggestions (at least the first), and the reliability table of the scores.
/// </summary>
internal static class EvalCommand
{
    internal sealed record Request(string Model, string Input, bool Json = false, int Top = 3, string? Backend = null, string? VoikkoPath = null);

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Mallihakemisto (sosrap train)", Required = true };
        var input = new Option<string>("--input") { Description = "Kultaiset raportit (luokat sarakkeessa categories)", Required = true };
        var json = new Option<bool>("--json") { Description = "Tulosta yksi JSON-olio" };
        var top = new Option<int>("--top") { Description = "k tunnusluvuissa P@k, R@k, F1@k (oletus 3)", DefaultValueFactory = _ => 3 };
        var backend = new Option<string?>("--backend") { Description = "ensemble (oletus), knn, linear, centroid tai zeroshot" };
        var voikkoPath = new Option<string?>("--voikko-path") { Description = "Voikon sanakirjahakemisto" };
        var command = new Command("eval", "Arvioi luokitusehdotukset kultaisia luokkia vasten (P@1, P@k, R@k, F1@k, NDCG@5, luokittain, luotettavuustaulukko).")
        {
            model, input, json, top, backend, voikkoPath,
        };
        command.SetAction((p, ct) => RunAsync(
            new Request(p.GetRequiredValue(model), p.GetRequiredValue(input), p.GetValue(json), p.GetRequiredValue(top), p.GetValue(backend), p.GetValue(voikkoPath)),
            p.InvocationConfiguration.Output, p.InvocationConfiguration.Error, ct));
        return command;
    }

    internal static Task<int> RunAsync(Request request, TextWriter output, TextWriter log, CancellationToken cancellationToken) =>
        SuggestionCli.WithVoikkoAsync(log, async () =>
        {
            if (request.Top < 1) throw new InputException("--top pitää olla vähintään 1", field: "--top");
            var backend = SuggestionCli.Backend(request.Backend);
            using var model = Pipeline.Suggestions.SuggestionModel.Load(request.Model, request.VoikkoPath);
            var (reports, _) = await ReportReader.ReadFileAsync(request.Input, new ReportReadOptions { Taxonomy = model.Taxonomy }, null, cancellationToken).ConfigureAwait(false);
            var gold = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var predicted = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var pairs = new List<(float, bool)>();
            var categories = model.Taxonomy.Categories.Select(c => c.Id).ToArray();
            var tp = categories.ToDictionary(c => c, _ => 0);
            var fp = categories.ToDictionary(c => c, _ => 0);
            var fn = categories.ToDictionary(c => c, _ => 0);
            var isEnsemble = model.Backend(backend) is Pipeline.Suggestions.EnsembleSuggester;
            var threshold = isEnsemble ? model.Threshold : 0f;
            foreach (var r in reports.Where(r => r.Categories.Count > 0))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = model.Suggest(r.FullText, Math.Max(5, request.Top), 0f, backend);
                gold[r.Id] = r.Categories;
                predicted[r.Id] = result.Suggestions.Select(s => s.Category).ToList();
                foreach (var s in result.Suggestions.Take(5)) pairs.Add((s.Score, r.Categories.Contains(s.Category)));
                var chosen = result.Suggestions.Where((s, i) => i == 0 || s.Score >= (isEnsemble ? model.ThresholdFor(s.Category) : 0f)).Select(s => s.Category).ToHashSet();
                foreach (var c in chosen) _ = r.Categories.Contains(c) ? tp[c]++ : fp[c]++;
                foreach (var c in r.Categories.Where(c => !chosen.Contains(c))) fn[c]++;
            }

            var scores = SuggestionScores.Compute(gold, predicted, request.Top);
            var reliability = ReliabilityBin.Table(pairs);
            var perCategory = categories.Select(c => new
            {
                category = c,
                precision = tp[c] + fp[c] == 0 ? 0 : (double)tp[c] / (tp[c] + fp[c]),
                recall = tp[c] + fn[c] == 0 ? 0 : (double)tp[c] / (tp[c] + fn[c]),
                support = tp[c] + fn[c],
            }).ToList();
            if (request.Json)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["P@1"] = Math.Round(scores.PrecisionAt1, 4),
                    [$"P@{request.Top}"] = Math.Round(scores.PrecisionAtK, 4),
                    [$"R@{request.Top}"] = Math.Round(scores.RecallAtK, 4),
                    [$"F1@{request.Top}"] = Math.Round(scores.F1AtK, 4),
                    ["NDCG@5"] = Math.Round(scores.NdcgAt5, 4),
                    [$"hit@{request.Top}"] = Math.Round(scores.HitAtK, 4),
                    ["n"] = scores.Reports,
                    ["threshold"] = threshold,
                    ["category_thresholds"] = categories.ToDictionary(c => c, c => isEnsemble ? model.ThresholdFor(c) : 0f),
                    ["per_category"] = perCategory,
                    ["reliability"] = reliability.Select(b => new { low = b.Low, high = b.High, count = b.Count, mean_score = b.MeanScore, observed = b.Observed }),
                    ["ece"] = ReliabilityBin.ExpectedCalibrationError(reliability),
                })).ConfigureAwait(false);
                return 0;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{scores.Reports} raporttia, taustajärjestelmä {model.Backend(backend).Name}")).ConfigureAwait(false);
            await output.WriteLineAsync(SuggestionCli.MetricsLine("tulos", scores)).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"luokittain (oletuskynnys {threshold:0.00}, luokan oma kynnys suluissa; aina vähintään ensimmäinen ehdotus):")).ConfigureAwait(false);
            foreach (var c in perCategory)
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {c.category,-28} ({(isEnsemble ? model.ThresholdFor(c.category) : 0f):0.00})  tarkkuus {c.precision:0.000}  saanti {c.recall:0.000}  n={c.support}")).ConfigureAwait(false);
            await SuggestionCli.WriteReliabilityAsync(output, reliability).ConfigureAwait(false);
            return 0;
        });
}

using System.CommandLine;
using System.Diagnostics;
using SosRap.Pipeline;
using SosRap.Pipeline.IO;
using SosRap.Pipeline.Suggestions;
using SosRap.Pipeline.Text.Pii;

namespace SosRap.Api.Cli;

/// <summary>
/// <c>sosrap train --input REPORTS --taxonomy TAXONOMY.json --model DIR</c>: trains the category
/// suggestion model (kNN, linear, centroid, zero-shot and their ensemble) with cross-validation and
/// writes the model directory atomically. Feedback already in DIR/feedback.jsonl is folded in.
/// </summary>
internal static class TrainCommand
{
    /// <summary>The redacted training reports in the model directory: the history that <c>sosrap themes --model</c> reads.</summary>
    internal const string HistoryFileName = "history.jsonl";

    internal sealed record Request(string Input, string Taxonomy, string Model, string Embedder = "tfidf", int Folds = 5, int Seed = 42, string? VoikkoPath = null);

    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Opetusraportit (.csv, .jsonl, .parquet); luokat sarakkeessa categories", Required = true };
        var taxonomy = new Option<string>("--taxonomy") { Description = "Luokitus (JSON)", Required = true };
        var model = new Option<string>("--model") { Description = "Kirjoitettava mallihakemisto", Required = true };
        var embedder = new Option<string>("--embedder") { Description = "kNN:n esitys: tfidf (oletus)", DefaultValueFactory = _ => "tfidf" };
        var folds = new Option<int>("--folds") { Description = "Ristiinvalidoinnin osat (oletus 5)", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Satunnaissiemen (oletus 42)", DefaultValueFactory = _ => 42 };
        var voikkoPath = new Option<string?>("--voikko-path") { Description = "Voikon sanakirjahakemisto" };
        var command = new Command("train", "Opettaa luokitusehdotusmallin (kNN, lineaarinen, sentroidi, zero-shot ja niiden yhdistelmä) ja tallentaa mallihakemiston.")
        {
            input, taxonomy, model, embedder, folds, seed, voikkoPath,
        };
        command.SetAction((p, ct) => RunAsync(
            new Request(p.GetRequiredValue(input), p.GetRequiredValue(taxonomy), p.GetRequiredValue(model), p.GetRequiredValue(embedder),
                p.GetRequiredValue(folds), p.GetRequiredValue(seed), p.GetValue(voikkoPath)),
            p.InvocationConfiguration.Output, p.InvocationConfiguration.Error, ct));
        return command;
    }

    internal static Task<int> RunAsync(Request request, TextWriter output, TextWriter log, CancellationToken cancellationToken) =>
        SuggestionCli.WithVoikkoAsync(log, async () =>
        {
            if (request.Embedder != "tfidf")
                throw new InputException($"upotus '{request.Embedder}' ei ole vielä käytössä luokitusehdotuksissa; käytä --embedder tfidf", field: "--embedder");
            var watch = Stopwatch.StartNew();
            var taxonomy = await TaxonomyJson.LoadAsync(request.Taxonomy, cancellationToken).ConfigureAwait(false);
            // The reader checks every category id against the taxonomy and names the row of an unknown one.
            var (reports, _) = await ReportReader.ReadFileAsync(request.Input, new ReportReadOptions { Taxonomy = taxonomy }, null, cancellationToken).ConfigureAwait(false);
            var feedback = Directory.Exists(request.Model) ? SuggestionModel.ReadFeedback(request.Model) : [];
            var labelled = reports.Count(r => r.Categories.Count > 0);
            await log.WriteLineAsync(string.Create(SuggestionCli.Fi,
                $"sosrap: {reports.Count:N0} raporttia, joista {labelled:N0} luokiteltuja ja {reports.Count - labelled:N0} luokittelemattomia (vain sanastoon); palautteita {feedback.Count:N0}")).ConfigureAwait(false);
            var options = new SuggestionTrainingOptions { Folds = request.Folds, Seed = request.Seed, VoikkoPath = request.VoikkoPath, Feedback = feedback, SourceName = request.Input };
            using var model = await Task.Run(() => SuggestionModel.Train(reports, taxonomy, options, new StageProgress(log), cancellationToken), cancellationToken).ConfigureAwait(false);
            await model.SaveAsync(request.Model, cancellationToken).ConfigureAwait(false);
            // The training reports, redacted, are the model's history for new-theme detection (sosrap themes --model DIR).
            var redactor = new PiiRedactor();
            var history = reports.Select(r => r with
            {
                Phenomenon = redactor.Redact(r.Phenomenon).Text,
                Proposal = redactor.Redact(r.Proposal).Text,
                ContainsPii = null,
            });
            await ReportWriter.WriteFileAsync(Path.Combine(request.Model, HistoryFileName), history, cancellationToken: cancellationToken).ConfigureAwait(false);
            var m = model.Manifest;
            await output.WriteLineAsync($"malli tallennettu: {request.Model}").ConfigureAwait(false);
            if (m.Knn is { } knn)
                await output.WriteLineAsync(string.Create(SuggestionCli.Fi, $"kNN: k={knn.K}, potenssi {knn.Power} (valittu ristiinvalidoinnilla)")).ConfigureAwait(false);
            if (m.Metrics.Count > 0)
            {
                await output.WriteLineAsync($"ristiinvalidoidut tulokset ({m.Folds} osaa, luokiteltuja {m.LabelledRows}):").ConfigureAwait(false);
                foreach (var (name, s) in m.Metrics) await output.WriteLineAsync("  " + SuggestionCli.MetricsLine(name, s)).ConfigureAwait(false);
                await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"oletuskynnys {m.Threshold:0.00}")).ConfigureAwait(false);
                await SuggestionCli.WriteReliabilityAsync(output, m.Reliability).ConfigureAwait(false);
            }
            else if (!model.IsTrained)
            {
                await output.WriteLineAsync("luokiteltuja raportteja ei ollut: malli antaa vain zero-shot-ehdotuksia luokituksen teksteistä").ConfigureAwait(false);
            }

            await log.WriteLineAsync(string.Create(SuggestionCli.Fi, $"sosrap: aika {watch.Elapsed.TotalSeconds:0.0} s")).ConfigureAwait(false);
            return 0;
        });

    // One line per stage step on stderr: a simple progress display that also reads well in logs.
    private sealed class StageProgress(TextWriter log) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) =>
            log.WriteLine(string.Create(SuggestionCli.Fi, $"sosrap: {value.Stage} {value.Done:N0}/{value.Total:N0}"));
    }
}

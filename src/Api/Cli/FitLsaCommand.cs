using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Evaluation.Representations;
using SosRap.Pipeline.IO;
using SosRap.Pipeline.Text;
using SosRap.Pipeline.Text.Voikko;

namespace SosRap.Api.Cli;

/// <summary>
/// <c>sosrap fit-lsa REPORTS --out MODEL</c>: fits the tf-idf features and the LSA embedding on a
/// report history and saves them as one model file. Reports are read, analysed and counted as a
/// stream (one block of texts in memory at a time); the summary (texts, features, dimension,
/// times, peak memory) goes to stderr.
/// </summary>
internal static class FitLsaCommand
{
    internal sealed record Request(string Input, string Output, string Options, string? VoikkoPath = null);

    public static Command Create()
    {
        var input = new Argument<string>("raportit") { Description = "Raporttitiedosto (.csv, .jsonl, .parquet) tai - (vakiosyöte)" };
        var output = new Option<string>("--out") { Description = "Tallennettava LSA-mallitiedosto", Required = true };
        var options = new Option<string>("--options")
        {
            Description = "Asetukset muodossa avain=arvo,… esim. 'dim=200,scale=sigma,parts=shared,ngrams=fallback' (katso docs/representations.md)",
            DefaultValueFactory = _ => "",
        };
        var voikkoPath = new Option<string?>("--voikko-path") { Description = $"Voikon sanakirjahakemisto (oletus: {VoikkoOptions.DictionaryPathVariable} tai /usr/lib/voikko)" };
        var command = new Command("fit-lsa", "Sovittaa tf-idf-piirteet ja LSA-upotuksen raporttiaineistoon ja tallentaa mallin yhteen tiedostoon.")
        {
            input, output, options, voikkoPath,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            new Request(parseResult.GetRequiredValue(input), parseResult.GetRequiredValue(output), parseResult.GetRequiredValue(options), parseResult.GetValue(voikkoPath)),
            parseResult.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(Request request, TextWriter log, CancellationToken cancellationToken)
    {
        var lsaOptions = RepresentationRegistry.LsaOptionsOf(RepresentationSpec.Parse($"lsa({request.Options})", "--options"), 0);
        VoikkoLemmatizer lemmatizer;
        try
        {
            lemmatizer = new VoikkoLemmatizer(new VoikkoOptions { DictionaryPath = request.VoikkoPath });
        }
        catch (VoikkoUnavailableException e)
        {
            await log.WriteLineAsync(
                $"sosrap: Voikko tai sen suomen sanakirja puuttuu (asenna Debian-paketit {VoikkoUnavailableException.DebianPackages}, esim. scripts/setup.sh): {e.Message}").ConfigureAwait(false);
            return CliRunner.MissingDependency;
        }

        using (lemmatizer)
        {
            var analyzer = new TextAnalyzer(new FinnishTokenizer(), lemmatizer, Stopwords.Default);
            var reader = ReportReader.Open(request.Input);
            var watch = Stopwatch.StartNew();
            var featuresDone = TimeSpan.Zero;
            var texts = 0L;
            var progress = new StageLog(log, () => featuresDone = watch.Elapsed, n => texts = n);

            // The estimator pulls texts synchronously; the reader is async, so the fit runs on a pool thread.
            var lsa = await Task.Run(() =>
            {
                var stream = reader.ReadAllAsync(cancellationToken: cancellationToken).ToBlockingEnumerable(cancellationToken).Select(r => r.FullText);
                return new LsaEstimator(lsaOptions).Fit(EmbeddingBatch.AnalyzeStream(analyzer, stream, cancellationToken: cancellationToken), progress, cancellationToken);
            }, cancellationToken).ConfigureAwait(false);
            var fitted = watch.Elapsed;
            await lsa.SaveAsync(request.Output, cancellationToken).ConfigureAwait(false);

            var fi = CultureInfo.GetCultureInfo("fi-FI");
            var sigma = lsa.SingularValues;
            await log.WriteLineAsync(string.Create(fi,
                $"sosrap: {texts:N0} raporttia, {lsa.Features.FeatureCount:N0} piirrettä, ulottuvuus {lsa.Dimension} " +
                $"(singulaariarvot {sigma[0]:0.###} … {sigma[^1]:0.###}) → {request.Output} ({new FileInfo(request.Output).Length / 1e6:0.0} Mt)")).ConfigureAwait(false);
            await log.WriteLineAsync(string.Create(fi,
                $"sosrap: aika: luku, analyysi ja piirteet {featuresDone.TotalSeconds:0.0} s, SVD {(fitted - featuresDone).TotalSeconds:0.0} s, " +
                $"tallennus {(watch.Elapsed - fitted).TotalSeconds:0.0} s; muistin huippu (RSS) {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} Mt")).ConfigureAwait(false);
        }

        return 0;
    }

    // One line when the SVD starts; the text count is remembered for the summary.
    private sealed class StageLog(TextWriter log, Action featuresDone, Action<long> texts) : IProgress<FitProgress>
    {
        private bool _svdStarted;

        public void Report(FitProgress value)
        {
            if (value.Stage == "features")
            {
                texts(value.Done);
                return;
            }

            if (_svdStarted) return;
            _svdStarted = true;
            featuresDone();
            log.WriteLine("sosrap: piirteet valmiit, lasketaan SVD");
        }
    }
}

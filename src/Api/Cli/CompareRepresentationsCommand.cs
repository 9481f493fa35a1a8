using System.CommandLine;
using System.Globalization;
using SosRap.Models;
using SosRap.Pipeline;
using SosRap.Pipeline.Evaluation.Representations;
using SosRap.Pipeline.IO;
using SosRap.Pipeline.Text;
using SosRap.Pipeline.Text.Voikko;

namespace SosRap.Api.Cli;

/// <summary>
/// <c>sosrap compare-representations</c>: fits each text representation (tf-idf, LSA, …) and
/// measures it with fixed yardsticks — kNN category suggestions for test reports and k-means of a
/// report set — writing the predictions and assignments for the evaluation scripts and a summary.
/// </summary>
internal static class CompareRepresentationsCommand
{
    internal sealed record Request(
        string Train,
        string? Test,
        string? ClusterInput,
        string Representations,
        string Output,
        RepresentationComparisonOptions Options,
        string? VoikkoPath = null);

    public static Command Create()
    {
        var train = new Option<string>("--train") { Description = "Luokitellut opetusraportit (CSV, JSONL, Parquet): kNN-äänestäjät", Required = true };
        var test = new Option<string?>("--test") { Description = "Raportit, joille ehdotetaan luokat (kirjoitetaan <esitystapa>.suggestions.jsonl)" };
        var clusterInput = new Option<string?>("--cluster-input") { Description = "Raportit, jotka ryhmitellään k-meansilla (kirjoitetaan <esitystapa>.clusters.jsonl)" };
        var representations = new Option<string>("--representations")
        {
            Description = "Verrattavat esitystavat pilkuin eroteltuina, esim. tfidf,lsa tai 'tfidf(weighting=bm25),lsa(dim=100)'",
            DefaultValueFactory = _ => "tfidf,lsa",
        };
        var output = new Option<string>("--out") { Description = "Tuloshakemisto (luodaan tarvittaessa)", Required = true };
        var neighbors = new Option<int>("--neighbors") { Description = "Äänestävien lähimpien naapurien määrä k", DefaultValueFactory = _ => new RepresentationComparisonOptions().Neighbors };
        var folds = new Option<int>("--folds") { Description = "Ristiinvalidointi opetusaineistossa: osien määrä (0 = ei)", DefaultValueFactory = _ => 0 };
        var clusters = new Option<int?>("--clusters") { Description = "k-meansin ryhmien määrä (oletus: ryhmiteltävien raporttien teemojen määrä)" };
        var clusterFit = new Option<string>("--cluster-fit")
        {
            Description = "Mihin esitystapa sovitetaan ennen ryhmittelyä: cluster-input (ryhmiteltävät raportit ilman luokkia) tai train",
            DefaultValueFactory = _ => "cluster-input",
        };
        var seed = new Option<int>("--seed") { Description = "Siemenluku (osiot, k-means, satunnaistettu SVD)", DefaultValueFactory = _ => new RepresentationComparisonOptions().Seed };
        var voikkoPath = new Option<string?>("--voikko-path") { Description = $"Voikon sanakirjahakemisto (oletus: {VoikkoOptions.DictionaryPathVariable} tai /usr/lib/voikko)" };

        var command = new Command("compare-representations",
            "Vertailee tekstin esitystapoja (tf-idf, LSA, …) kiintein mittatikuin: kNN-luokitusehdotukset testiraporteille ja k-means-ryhmittely. " +
            "Kirjoittaa ennusteet arviointiskripteille sekä yhteenvedon (summary.md, summary.json).")
        {
            train, test, clusterInput, representations, output, neighbors, folds, clusters, clusterFit, seed, voikkoPath,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var request = new Request(
                parseResult.GetRequiredValue(train),
                parseResult.GetValue(test),
                parseResult.GetValue(clusterInput),
                parseResult.GetRequiredValue(representations),
                parseResult.GetRequiredValue(output),
                Options(parseResult.GetValue(neighbors), parseResult.GetValue(folds), parseResult.GetValue(clusters), parseResult.GetRequiredValue(clusterFit),
                    parseResult.GetValue(seed)),
                parseResult.GetValue(voikkoPath));
            return RunAsync(request, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    /// <summary>Runs the comparison and prints the summary table; returns the exit code.</summary>
    internal static async Task<int> RunAsync(Request request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var specs = RepresentationSpec.ParseList(request.Representations);
        var trainReports = await ReadAsync(request.Train, cancellationToken).ConfigureAwait(false);
        var testReports = request.Test is null ? null : await ReadAsync(request.Test, cancellationToken).ConfigureAwait(false);
        var clusterReports = request.ClusterInput is null ? null : await ReadAsync(request.ClusterInput, cancellationToken).ConfigureAwait(false);

        VoikkoLemmatizer lemmatizer;
        try
        {
            lemmatizer = new VoikkoLemmatizer(new VoikkoOptions { DictionaryPath = request.VoikkoPath });
        }
        catch (VoikkoUnavailableException e)
        {
            await error.WriteLineAsync(
                $"sosrap: Voikko tai sen suomen sanakirja puuttuu (asenna Debian-paketit {VoikkoUnavailableException.DebianPackages}, esim. scripts/setup.sh): {e.Message}").ConfigureAwait(false);
            return CliRunner.MissingDependency;
        }

        using (lemmatizer)
        {
            var analyzer = new TextAnalyzer(new FinnishTokenizer(), lemmatizer, Stopwords.Default);
            var comparison = new RepresentationComparison(analyzer, RepresentationRegistry.CreateDefault(), request.Options);
            var log = new Log(error);
            var reports = await comparison.RunAsync(trainReports, testReports, clusterReports, specs, request.Output, log, cancellationToken).ConfigureAwait(false);
            await output.WriteAsync(RepresentationComparison.Markdown(reports).AsMemory(), cancellationToken).ConfigureAwait(false);
            await error.WriteLineAsync($"sosrap: tulokset hakemistossa {request.Output} ({reports.Count.ToString(CultureInfo.InvariantCulture)} esitystapaa)".AsMemory(), cancellationToken)
                .ConfigureAwait(false);
        }

        return 0;
    }

    private static RepresentationComparisonOptions Options(int neighbors, int folds, int? clusters, string clusterFit, int seed)
    {
        var fit = clusterFit switch
        {
            "cluster-input" => ClusterFitCorpus.ClusterInput,
            "train" => ClusterFitCorpus.Train,
            _ => throw new InputException("arvon pitää olla cluster-input tai train", field: "--cluster-fit"),
        };
        var options = new RepresentationComparisonOptions { Neighbors = neighbors, Folds = folds, Clusters = clusters, ClusterFit = fit, Seed = seed };
        try
        {
            return options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            var field = e.ParamName switch
            {
                nameof(RepresentationComparisonOptions.Neighbors) => "--neighbors",
                nameof(RepresentationComparisonOptions.Folds) => "--folds",
                nameof(RepresentationComparisonOptions.Clusters) => "--clusters",
                _ => null,
            };
            throw new InputException($"arvo {e.ActualValue} ei kelpaa ({e.Message.Split(" (")[0]})", field: field, inner: e);
        }
    }

    private static async Task<List<Report>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var (reports, _) = await ReportReader.ReadFileAsync(path, new ReportReadOptions { InvalidRows = InvalidRowPolicy.Fail }, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return reports;
    }

    // Writes each step on its own line of stderr (never report text).
    private sealed class Log(TextWriter error) : IProgress<string>
    {
        public void Report(string value) => error.WriteLine("sosrap: " + value);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SosRap.Models;
using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.IO;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Evaluation.Representations;

/// <summary>
/// Compares text representations on the same reports with two fixed yardsticks, so the
/// representation is the only thing that changes:
/// <list type="bullet">
/// <item><b>kNN suggestions</b>: fitted on the training reports; each test report gets the
/// categories of its nearest training reports (<c>&lt;label&gt;.suggestions.jsonl</c>, the predictions
/// format), and with <see cref="RepresentationComparisonOptions.Folds"/> out-of-fold suggestions
/// for the training reports (<c>&lt;label&gt;.cv-suggestions.jsonl</c>).</item>
/// <item><b>k-means</b> of the clustered reports with k = number of gold themes
/// (<c>&lt;label&gt;.clusters.jsonl</c>, the assignments format).</item>
/// </list>
/// It writes <c>summary.json</c> and <c>summary.md</c> with the scores computed as the evaluation
/// kit computes them, fit times and dimensions. Report texts are never logged.
/// </summary>
public sealed class RepresentationComparison
{
    private static readonly JsonSerializerOptions SummaryJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly TextAnalyzer _analyzer;
    private readonly RepresentationRegistry _registry;
    private readonly RepresentationComparisonOptions _options;

    /// <summary>Creates a comparison; the options are validated now.</summary>
    public RepresentationComparison(TextAnalyzer analyzer, RepresentationRegistry registry, RepresentationComparisonOptions? options = null)
    {
        _analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _options = (options ?? new RepresentationComparisonOptions()).Validate();
    }

    /// <summary>Runs every representation and writes its files and the summaries into <paramref name="outputDirectory"/>.</summary>
    /// <param name="train">Labelled reports the kNN yardstick votes with (and fits on).</param>
    /// <param name="test">Reports to suggest categories for, or null.</param>
    /// <param name="clusterInput">Reports to cluster, or null.</param>
    /// <param name="specs">The representations.</param>
    /// <param name="outputDirectory">Created when missing.</param>
    /// <param name="log">Receives one Finnish line per step (never report text).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public async Task<IReadOnlyList<RepresentationReport>> RunAsync(IReadOnlyList<Report> train, IReadOnlyList<Report>? test,
        IReadOnlyList<Report>? clusterInput, IReadOnlyList<RepresentationSpec> specs, string outputDirectory,
        IProgress<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        if (train.Count == 0) throw new InputException("opetusaineistossa ei ole raportteja", field: "--train");
        if (!train.Any(r => r.Categories.Count > 0)) throw new InputException("opetusaineiston raporteilla ei ole luokkia (categories)", field: "--train");
        if (test is null && clusterInput is null && _options.Folds == 0)
            throw new InputException("anna testiaineisto (--test), ryhmiteltävä aineisto (--cluster-input) tai ristiinvalidointi (--folds)");
        if (_options.Folds > train.Count) throw new InputException($"osia ({_options.Folds}) on enemmän kuin opetusraportteja ({train.Count})", field: "--folds");
        foreach (var spec in specs) _registry.Check(spec);
        int? clusters = clusterInput is null ? null : ClusterCount(clusterInput);
        Directory.CreateDirectory(outputDirectory);

        log?.Report($"analysoidaan {train.Count + (test?.Count ?? 0) + (clusterInput?.Count ?? 0)} raporttia");
        var trainSet = Analyse(train, cancellationToken);
        var testSet = test is null ? null : Analyse(test, cancellationToken);
        var clusterSet = clusterInput is null ? null : Analyse(clusterInput, cancellationToken);

        var reports = new List<RepresentationReport>();
        foreach (var spec in specs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var label = spec.Label;
            int dimension = 0;
            string kind = "";
            double fitSeconds = 0, encodeMs = 0;
            SuggestionScores? testScores = null, cvScores = null;
            ClusteringScores? clusterScores = null;

            if (testSet is not null)
            {
                log?.Report($"{spec}: sovitetaan opetusaineistoon ja ehdotetaan luokat testiraporteille");
                var watch = Stopwatch.StartNew();
                var fitted = _registry.Fit(spec, Context(trainSet, train), cancellationToken);
                fitSeconds = watch.Elapsed.TotalSeconds;
                (dimension, kind) = (fitted.Dimension, fitted.Kind);
                var trainVectors = fitted.Encode(trainSet.Texts, trainSet.Analyses, cancellationToken);
                watch.Restart();
                var testVectors = fitted.Encode(testSet.Texts, testSet.Analyses, cancellationToken);
                encodeMs = testSet.Texts.Count == 0 ? 0 : watch.Elapsed.TotalMilliseconds / testSet.Texts.Count;
                var suggestions = Suggest(trainVectors, train, testVectors, test!);
                await PredictionFiles.WriteSuggestionsAsync(Path.Combine(outputDirectory, label + ".suggestions.jsonl"), Async(suggestions),
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                testScores = Score(test!, suggestions);
            }

            if (_options.Folds > 0)
            {
                log?.Report($"{spec}: {_options.Folds}-osainen ristiinvalidointi opetusaineistossa");
                var suggestions = CrossValidate(spec, train, trainSet, cancellationToken, out var fit, out var d, out var k);
                if (testSet is null) (fitSeconds, dimension, kind) = (fit, d, k);
                await PredictionFiles.WriteSuggestionsAsync(Path.Combine(outputDirectory, label + ".cv-suggestions.jsonl"), Async(suggestions),
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                cvScores = Score(train, suggestions);
            }

            if (clusterSet is not null)
            {
                log?.Report($"{spec}: k-means (k = {clusters}) ryhmiteltäville raporteille");
                var fitOn = _options.ClusterFit == ClusterFitCorpus.Train
                    ? Context(trainSet, train)
                    : Context(clusterSet, clusterInput!.Select(r => r with { Categories = [], Theme = null }).ToList());
                var watch = Stopwatch.StartNew();
                var fitted = _registry.Fit(spec, fitOn, cancellationToken);
                if (testSet is null && _options.Folds == 0) (fitSeconds, dimension, kind) = (watch.Elapsed.TotalSeconds, fitted.Dimension, fitted.Kind);
                var vectors = fitted.Encode(clusterSet.Texts, clusterSet.Analyses, cancellationToken);
                var labels = YardstickKMeans.Cluster(vectors, clusters!.Value, _options.Seed, _options.KMeansRestarts, cancellationToken);
                var assignments = new List<ClusterAssignment>(labels.Length);
                for (var i = 0; i < labels.Length; i++)
                    assignments.Add(new ClusterAssignment(clusterInput![i].Id, labels[i] < 0 ? ClusterAssignment.Outlier : labels[i].ToString(CultureInfo.InvariantCulture)));
                await PredictionFiles.WriteClustersAsync(Path.Combine(outputDirectory, label + ".clusters.jsonl"), Async(assignments), cancellationToken)
                    .ConfigureAwait(false);
                if (clusterInput!.All(r => r.Theme is not null))
                {
                    clusterScores = ClusteringScores.Compute(
                        clusterInput!.ToDictionary(r => r.Id, r => r.Theme!, StringComparer.Ordinal),
                        assignments.ToDictionary(a => a.Id, a => a.Cluster, StringComparer.Ordinal));
                }
            }

            reports.Add(new RepresentationReport(spec.Text, label, kind, dimension, fitSeconds, encodeMs, testScores, cvScores, clusterScores, clusters));
        }

        await AtomicFile.WriteAllTextAsync(Path.Combine(outputDirectory, "summary.json"), JsonSerializer.Serialize(new
        {
            neighbors = _options.Neighbors,
            folds = _options.Folds,
            seed = _options.Seed,
            train = train.Count,
            test = test?.Count,
            cluster_input = clusterInput?.Count,
            cluster_fit = _options.ClusterFit == ClusterFitCorpus.Train ? "train" : "cluster-input",
            representations = reports,
        }, SummaryJson) + "\n", cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(Path.Combine(outputDirectory, "summary.md"), Markdown(reports), cancellationToken).ConfigureAwait(false);
        return reports;
    }

    /// <summary>The summary as a Markdown table.</summary>
    public static string Markdown(IReadOnlyList<RepresentationReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var sb = new StringBuilder();
        sb.AppendLine("| representation | kind | dim | fit s | test F1@3 | test NDCG@5 | test P@1 | CV F1@3 | CV NDCG@5 | NMI | ARI | purity |");
        sb.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in reports)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| `{r.Spec}` | {r.Kind} | {r.Dimension} | {r.FitSeconds:0.00} | ");
            sb.Append(CultureInfo.InvariantCulture, $"{F(r.Test?.F1AtK)} | {F(r.Test?.NdcgAt5)} | {F(r.Test?.PrecisionAt1)} | ");
            sb.Append(CultureInfo.InvariantCulture, $"{F(r.CrossValidation?.F1AtK)} | {F(r.CrossValidation?.NdcgAt5)} | ");
            sb.AppendLine(CultureInfo.InvariantCulture, $"{F(r.Clustering?.Nmi)} | {F(r.Clustering?.Ari)} | {F(r.Clustering?.Purity)} |");
        }

        return sb.ToString();

        static string F(double? x) => x is null ? "–" : x.Value.ToString("0.000", CultureInfo.InvariantCulture);
    }

    private int ClusterCount(IReadOnlyList<Report> reports)
    {
        if (_options.Clusters is { } k) return k;
        var themes = reports.Select(r => r.Theme).Where(t => t is not null).Distinct(StringComparer.Ordinal).Count();
        return themes > 0
            ? themes
            : throw new InputException("ryhmiteltävillä raporteilla ei ole teemoja (theme); anna ryhmien määrä (--clusters)", field: "--clusters");
    }

    private AnalysedReports Analyse(IReadOnlyList<Report> reports, CancellationToken cancellationToken)
    {
        var texts = reports.Select(r => r.FullText).ToList();
        return new AnalysedReports(texts, EmbeddingBatch.AnalyzeAll(_analyzer, texts, cancellationToken: cancellationToken));
    }

    private RepresentationFitContext Context(AnalysedReports set, IReadOnlyList<Report> reports) => new(reports, set.Analyses, _analyzer, _options.Seed);

    private List<ReportSuggestions> Suggest(VectorSet trainVectors, IReadOnlyList<Report> train, VectorSet queries, IReadOnlyList<Report> queryReports)
    {
        var categories = train.Select(r => r.Categories).ToList();
        var query = new float[queries.Dimension];
        var result = new List<ReportSuggestions>(queries.Count);
        for (var i = 0; i < queries.Count; i++)
        {
            if (!queries.HasVector(i))
            {
                result.Add(new ReportSuggestions(queryReports[i].Id, []));
                continue;
            }

            queries.CopyTo(i, query);
            result.Add(new ReportSuggestions(queryReports[i].Id, KnnVoting.Suggest(trainVectors, categories, query, _options.Neighbors, _options.MaxSuggestions)));
        }

        return result;
    }

    private List<ReportSuggestions> CrossValidate(RepresentationSpec spec, IReadOnlyList<Report> train, AnalysedReports set, CancellationToken cancellationToken,
        out double firstFitSeconds, out int dimension, out string kind)
    {
        // Folds from a seeded shuffle, so every report is held out exactly once.
        var order = Enumerable.Range(0, train.Count).ToArray();
        new Random(_options.Seed).Shuffle(order);
        var fold = new int[train.Count];
        for (var i = 0; i < order.Length; i++) fold[order[i]] = i % _options.Folds;
        var predictions = new ReportSuggestions[train.Count];
        (firstFitSeconds, dimension, kind) = (0, 0, "");
        for (var f = 0; f < _options.Folds; f++)
        {
            var inFit = Enumerable.Range(0, train.Count).Where(i => fold[i] != f).ToList();
            var held = Enumerable.Range(0, train.Count).Where(i => fold[i] == f).ToList();
            var fitReports = inFit.Select(i => train[i]).ToList();
            var fitSet = new AnalysedReports(inFit.Select(i => set.Texts[i]).ToList(), inFit.Select(i => set.Analyses[i]).ToArray());
            var heldReports = held.Select(i => train[i]).ToList();
            var heldSet = new AnalysedReports(held.Select(i => set.Texts[i]).ToList(), held.Select(i => set.Analyses[i]).ToArray());
            var watch = Stopwatch.StartNew();
            var fitted = _registry.Fit(spec, Context(fitSet, fitReports), cancellationToken);
            if (f == 0) (firstFitSeconds, dimension, kind) = (watch.Elapsed.TotalSeconds, fitted.Dimension, fitted.Kind);
            var suggestions = Suggest(fitted.Encode(fitSet.Texts, fitSet.Analyses, cancellationToken), fitReports,
                fitted.Encode(heldSet.Texts, heldSet.Analyses, cancellationToken), heldReports);
            for (var j = 0; j < held.Count; j++) predictions[held[j]] = suggestions[j];
        }

        return [.. predictions];
    }

    private static SuggestionScores? Score(IReadOnlyList<Report> gold, IReadOnlyList<ReportSuggestions> predictions)
    {
        if (!gold.Any(r => r.Categories.Count > 0)) return null;
        return SuggestionScores.Compute(
            gold.Where(r => r.Categories.Count > 0).ToDictionary(r => r.Id, r => r.Categories, StringComparer.Ordinal),
            predictions.ToDictionary(p => p.Id, p => (IReadOnlyList<string>)p.Suggestions.Select(s => s.Category).ToList(), StringComparer.Ordinal));
    }

#pragma warning disable CS1998 // A synchronous list exposed as the async stream the writers take.
    private static async IAsyncEnumerable<T> Async<T>(IEnumerable<T> items)
    {
        foreach (var item in items) yield return item;
    }
#pragma warning restore CS1998

    private sealed record AnalysedReports(IReadOnlyList<string> Texts, IReadOnlyList<AnalyzedText> Analyses);
}

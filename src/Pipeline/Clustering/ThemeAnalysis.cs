using System.Globalization;
using SosRap.Models;
using SosRap.Pipeline.Features;
using SosRap.Pipeline.Text;
using SosRap.Pipeline.Text.Pii;

namespace SosRap.Pipeline.Clustering;

/// <summary>
/// Phenomenon clustering for analysts, in BERTopic's stages: analysis → representation (tf-idf →
/// LSA, <see cref="LsaRepresentation"/>) → clusterer (<see cref="IClusterer"/>, injectable) →
/// labels (c-TF-IDF, <see cref="ClusterLabeler"/>) → descriptions (<see cref="ClusterDescriber"/>:
/// representatives, counts, periods, trends). With a history (earlier reports or a trained model,
/// <see cref="IThemeHistory"/>) the batch's features are re-weighted by term burstiness and its
/// clusters ranked by novelty, the clearly novel ones flagged as candidate new themes.
/// The CLI verbs and the HTTP service call this one entry point.
/// </summary>
public sealed class ThemeAnalysis
{
    /// <summary>Fewest reports with text that a clustering needs; fewer go into one cluster with a notice.</summary>
    public const int MinReports = 6;

    private readonly TextAnalyzer _analyzer;
    private readonly IPiiRedactor _redactor;
    private readonly Func<ClusteringOptions, IClusterer>? _clustererFactory;

    /// <summary>Creates the analysis.</summary>
    /// <param name="analyzer">Text analysis (Voikko lemmas).</param>
    /// <param name="redactor">Redacts the excerpts of representative reports; the default redactor when null.</param>
    /// <param name="clustererFactory">Replaces the clusterer chosen by <see cref="ClusteringOptions.Method"/>.</param>
    public ThemeAnalysis(TextAnalyzer analyzer, IPiiRedactor? redactor = null, Func<ClusteringOptions, IClusterer>? clustererFactory = null)
    {
        _analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
        _redactor = redactor ?? new PiiRedactor();
        _clustererFactory = clustererFactory;
    }

    /// <summary>The clusterer of a method; <see cref="ClusterMethod.Auto"/> is k-means with k chosen by silhouette (docs/clustering.md says why).</summary>
    public static IClusterer CreateClusterer(ClusteringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Method switch
        {
            ClusterMethod.Graph => new GraphClusterer(options),
            ClusterMethod.MlNetKMeans => KMeansClusterer.MlNet(options),
            _ => new KMeansClusterer(options),
        };
    }

    /// <summary>Clusters <paramref name="reports"/> and describes the clusters.</summary>
    /// <param name="reports">The reports to cluster (the new batch when <paramref name="history"/> is given).</param>
    /// <param name="options">Settings; validated here.</param>
    /// <param name="history">Earlier reports or a trained model: enables novelty ranking and candidate new themes.</param>
    /// <param name="previous">A previous run's clusters (id and members), whose ids are kept for matching clusters.</param>
    /// <param name="progress">Receives a line per stage (never report text).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public ThemeAnalysisResult Run(IReadOnlyList<Report> reports, ThemeAnalysisOptions? options = null, IThemeHistory? history = null,
        IReadOnlyList<(string Id, IReadOnlyCollection<string> Members)>? previous = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        options = (options ?? new ThemeAnalysisOptions()).Validate();
        var notices = new List<string>();
        var n = reports.Count;

        progress?.Report($"analysoidaan {n} raporttia");
        var analyses = new AnalyzedText[n];
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i => analyses[i] = _analyzer.Analyze(reports[i].FullText));
        var termSets = analyses.Select(a => (IReadOnlySet<string>)NoveltyScorer.TermSet(a)).ToArray();
        var empty = termSets.Count(s => s.Count == 0);
        if (empty > 0) notices.Add($"{empty} raportissa ei ole sisältösanoja; ne jätetään ryhmittelyn ulkopuolelle (ryhmä -1).");

        NoveltyScorer? novelty = null;
        if (history is not null)
        {
            if (history.DocumentCount == 0) notices.Add("Historiassa ei ole raportteja; uusia ilmiöitä ei voi tunnistaa.");
            else novelty = NoveltyScorer.Fit(termSets, history);
        }

        var labels = new int[n];
        Array.Fill(labels, -1);
        var clusterCount = 0;
        var method = "none";
        IReadOnlyDictionary<int, double> criterion = new Dictionary<int, double>();
        var withText = Enumerable.Range(0, n).Where(i => termSets[i].Count > 0).ToArray();
        var distinct = withText.Select(i => string.Join(' ', termSets[i].Order(StringComparer.Ordinal))).Distinct(StringComparer.Ordinal).Count();
        float[] vectors = [];
        var dimension = 1;
        Func<int, (int[] Labels, int Count)>? rerun = null;
        if (withText.Length == 0)
        {
            notices.Add("Ryhmiteltäviä raportteja ei ole.");
        }
        else if (withText.Length < MinReports || distinct < 2)
        {
            notices.Add(distinct < 2 && withText.Length >= MinReports
                ? "Kaikkien raporttien sisältösanat ovat samat; ne muodostavat yhden ryhmän."
                : $"Raportteja on liian vähän ryhmittelyyn ({withText.Length}, vähintään {MinReports}); kaikki tekstilliset raportit ovat yhdessä ryhmässä.");
            foreach (var i in withText) labels[i] = 0;
            clusterCount = 1;
        }
        else
        {
            progress?.Report("muodostetaan esitys (tf-idf → LSA)");
            Func<string, FeatureKind, float>? weight = novelty is null || options.BurstWeight == 0
                ? null
                : (term, kind) => kind == FeatureKind.CharNgram ? 1f : (float)(1 + (options.BurstWeight * novelty.BurstOf(term)));
            var rows = withText.Select(i => analyses[i]).ToArray();
            var (v, embedded, d) = LsaRepresentation.Embed(rows, options.Clustering.Dimension, options.Clustering.Seed, weight, cancellationToken);
            var keep = Enumerable.Range(0, rows.Length).Where(r => embedded[r]).ToArray();
            vectors = new float[n * d];
            dimension = d;
            var packed = new float[keep.Length * d];
            for (var r = 0; r < keep.Length; r++)
            {
                v.AsSpan(keep[r] * d, d).CopyTo(packed.AsSpan(r * d, d));
                v.AsSpan(keep[r] * d, d).CopyTo(vectors.AsSpan(withText[keep[r]] * d, d));
            }

            var clusterer = _clustererFactory?.Invoke(options.Clustering) ?? CreateClusterer(options.Clustering);
            method = clusterer.Name;
            progress?.Report($"ryhmitellään ({method}, {keep.Length} raporttia, {d} ulottuvuutta)");
            var result = clusterer.Cluster(packed, keep.Length, d, cancellationToken);
            for (var r = 0; r < keep.Length; r++) labels[withText[keep[r]]] = result.Labels[r];
            clusterCount = result.ClusterCount;
            criterion = result.Criterion;
            rerun = seed =>
            {
                var o = options.Clustering with { Seed = seed };
                var again = (_clustererFactory?.Invoke(o) ?? CreateClusterer(o)).Cluster(packed, keep.Length, d, cancellationToken);
                var full = new int[n];
                Array.Fill(full, -1);
                for (var r = 0; r < keep.Length; r++) full[withText[keep[r]]] = again.Labels[r];
                return (full, again.ClusterCount);
            };
        }

        progress?.Report($"kuvataan {clusterCount} ryhmää");
        var describer = new ClusterDescriber(options, _redactor);
        List<(int Index, ThemeCluster Cluster)> clusters;
        if (novelty is not null && rerun is not null && options.ConsensusRuns > 1)
        {
            progress?.Report($"etsitään uusia ilmiöitä {options.ConsensusRuns} ryhmittelyllä");
            clusterCount = NewThemeDetector.Consensus(reports, analyses, termSets, labels, clusterCount, vectors, dimension, novelty, describer, rerun, options, out var candidateIndices, cancellationToken);
            clusters = describer.Describe(reports, analyses, termSets, labels, clusterCount, vectors, dimension, novelty, previous, cancellationToken)
                .Select(c => (c.Index, c.Cluster with { IsCandidateNewTheme = candidateIndices.Contains(c.Index) })).ToList();
        }
        else
        {
            clusters = NewThemeDetector.FlagAndMerge(reports, analyses, termSets, labels, ref clusterCount, vectors, dimension, novelty, previous, describer, options, cancellationToken);
        }

        var idOf = clusters.Select(c => c.Cluster.Id).ToArray();
        var assignments = new ClusterAssignment[n];
        for (var i = 0; i < n; i++) assignments[i] = new ClusterAssignment(reports[i].Id, labels[i] < 0 ? ClusterAssignment.Outlier : idOf[labels[i]]);

        var periods = Periods.Span(reports.Select(r => r.ReportedAt), options.Period).ToList();
        var unknown = reports.Count(r => r.ReportedAt is null);
        if (unknown > 0)
        {
            periods.Add(Periods.Unknown);
            notices.Add($"{unknown} raportilta puuttuu päivämäärä; ne on laskettu jaksoon \"{Periods.Unknown}\".");
        }

        var ordered = clusters.Select(c => c.Cluster)
            .OrderByDescending(c => c.IsCandidateNewTheme)
            .ThenByDescending(c => history is null ? c.Size : c.Novelty?.NoveltyScore ?? 0)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        return new ThemeAnalysisResult(method, ordered, assignments, periods, unknown, criterion, notices);
    }

    /// <summary>Bursty terms (of the top eight) two candidate clusters must share to be merged.</summary>
    public const int SharedBurstyTerms = 3;

    internal static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}

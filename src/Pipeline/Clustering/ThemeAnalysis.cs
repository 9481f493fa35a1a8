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
            clusterCount = Consensus(reports, analyses, termSets, labels, clusterCount, vectors, dimension, novelty, describer, rerun, options, out var candidateIndices, cancellationToken);
            clusters = describer.Describe(reports, analyses, termSets, labels, clusterCount, vectors, dimension, novelty, previous, cancellationToken)
                .Select(c => (c.Index, c.Cluster with { IsCandidateNewTheme = candidateIndices.Contains(c.Index) })).ToList();
        }
        else
        {
            clusters = FlagAndMerge(reports, analyses, termSets, labels, ref clusterCount, vectors, dimension, novelty, previous, describer, options, cancellationToken);
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

    // One clustering's candidates: describe, flag by the novelty rule, merge parts of one theme, describe again.
    private static List<(int Index, ThemeCluster Cluster)> FlagAndMerge(IReadOnlyList<Report> reports, AnalyzedText[] analyses, IReadOnlySet<string>[] termSets,
        int[] labels, ref int clusterCount, float[] vectors, int dimension, NoveltyScorer? novelty, IReadOnlyList<(string Id, IReadOnlyCollection<string> Members)>? previous,
        ClusterDescriber describer, ThemeAnalysisOptions options, CancellationToken cancellationToken)
    {
        var clusters = describer.Describe(reports, analyses, termSets, labels, clusterCount, vectors, dimension, novelty, previous, null, out var baseline, cancellationToken);
        if (novelty is not null && MergeCandidates(clusters, labels, clusterCount, options.MergeThreshold, out var mergedCount))
        {
            clusterCount = mergedCount;
            clusters = describer.Describe(reports, analyses, termSets, labels, clusterCount, vectors, dimension, novelty, previous, baseline, out _, cancellationToken);
        }

        return clusters;
    }

    /// <summary>
    /// Candidate new themes by consensus of several clusterings (seeds seed, seed + 1, …): which reports
    /// land in a flagged cluster depends on how k-means happens to split the batch, so a report is a
    /// candidate when it is flagged in at least half of the runs, and two candidates belong to the same
    /// new theme when they were flagged together in at least half of the runs. Each such group of at
    /// least <see cref="ThemeAnalysisOptions.MinCandidateSize"/> reports becomes a cluster of its own
    /// (taken out of the first run's clusters); the other reports keep the first run's clusters.
    /// Returns the new cluster count; <paramref name="labels"/> is rewritten.
    /// </summary>
    private static int Consensus(IReadOnlyList<Report> reports, AnalyzedText[] analyses, IReadOnlySet<string>[] termSets, int[] labels, int clusterCount,
        float[] vectors, int dimension, NoveltyScorer novelty, ClusterDescriber describer, Func<int, (int[] Labels, int Count)> rerun, ThemeAnalysisOptions options,
        out HashSet<int> candidateIndices, CancellationToken cancellationToken)
    {
        var n = labels.Length;
        var runs = options.ConsensusRuns;
        var votes = new int[n];
        var together = new Dictionary<long, int>();
        for (var run = 0; run < runs; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (runLabels, runCount) = run == 0 ? ((int[])labels.Clone(), clusterCount) : rerun(options.Clustering.Seed + run);
            var described = FlagAndMerge(reports, analyses, termSets, runLabels, ref runCount, vectors, dimension, novelty, null, describer, options, cancellationToken);
            foreach (var (index, cluster) in described)
            {
                if (!cluster.IsCandidateNewTheme) continue;
                var rows = Enumerable.Range(0, n).Where(i => runLabels[i] == index).ToArray();
                foreach (var i in rows) votes[i]++;
                for (var a = 0; a < rows.Length; a++)
                {
                    for (var b = a + 1; b < rows.Length; b++)
                    {
                        var key = ((long)rows[a] << 32) | (uint)rows[b];
                        together[key] = together.GetValueOrDefault(key) + 1;
                    }
                }
            }
        }

        var need = (runs + 1) / 2;
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        foreach (var (key, count) in together)
        {
            var a = (int)(key >> 32);
            var b = (int)(key & 0xffffffff);
            if (count >= need && votes[a] >= need && votes[b] >= need) parent[Find(a)] = Find(b);
        }

        var minCandidate = Math.Max(options.MinCandidateSize, (int)Math.Ceiling(0.02 * n));
        var groups = Enumerable.Range(0, n).Where(i => votes[i] >= need).GroupBy(Find).Where(g => g.Count() >= minCandidate).Select(g => g.ToArray()).ToList();
        candidateIndices = [];
        foreach (var group in groups)
        {
            foreach (var i in group) labels[i] = clusterCount;
            candidateIndices.Add(clusterCount++);
        }

        // Drop clusters emptied by the move, keeping the numbering dense.
        var map = new Dictionary<int, int>();
        for (var c = 0; c < clusterCount; c++)
        {
            if (labels.Contains(c)) map[c] = map.Count;
        }

        for (var i = 0; i < n; i++)
        {
            if (labels[i] >= 0) labels[i] = map[labels[i]];
        }

        candidateIndices = candidateIndices.Where(map.ContainsKey).Select(c => map[c]).ToHashSet();
        return map.Count;
    }

    /// <summary>
    /// k-means may split one emerging theme when its reports differ in their old vocabulary (a benefit
    /// cut for families, another for the unemployed). A flagged cluster absorbs every other cluster that
    /// is also novel (novelty score at or above <see cref="ThemeAnalysisOptions.MergeThreshold"/>) and shares at least
    /// <see cref="SharedBurstyTerms"/> of its top bursty terms: they describe the same new phenomenon.
    /// Union-find; the larger cluster keeps its index. Returns whether anything was merged.
    /// </summary>
    private static bool MergeCandidates(List<(int Index, ThemeCluster Cluster)> clusters, int[] labels, int clusterCount, double threshold, out int mergedCount)
    {
        mergedCount = clusterCount;
        var novel = clusters.Where(c => c.Cluster.Novelty is { } n && (c.Cluster.IsCandidateNewTheme || n.NoveltyScore >= threshold)).ToList();
        if (!novel.Any(c => c.Cluster.IsCandidateNewTheme) || novel.Count < 2) return false;
        var parent = Enumerable.Range(0, clusterCount).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var sizes = new int[clusterCount];
        foreach (var l in labels)
        {
            if (l >= 0) sizes[l]++;
        }

        var merged = false;
        foreach (var a in novel.Where(c => c.Cluster.IsCandidateNewTheme))
        {
            var ta = a.Cluster.Novelty!.BurstyTerms.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
            foreach (var b in novel)
            {
                if (b.Index == a.Index || b.Cluster.Novelty!.BurstyTerms.Count(t => ta.Contains(t.Term)) < SharedBurstyTerms) continue;
                var (ra, rb) = (Find(a.Index), Find(b.Index));
                if (ra == rb) continue;
                if (sizes[rb] > sizes[ra] || (sizes[rb] == sizes[ra] && rb < ra)) (ra, rb) = (rb, ra);
                parent[rb] = ra;
                sizes[ra] += sizes[rb];
                merged = true;
            }
        }

        if (!merged) return false;
        var map = new Dictionary<int, int>();
        for (var c = 0; c < clusterCount; c++)
        {
            var root = Find(c);
            if (!map.ContainsKey(root)) map[root] = map.Count;
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= 0) labels[i] = map[Find(labels[i])];
        }

        mergedCount = map.Count;
        return true;
    }

    /// <summary>Bursty terms (of the top eight) two candidate clusters must share to be merged.</summary>
    public const int SharedBurstyTerms = 3;

    internal static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}

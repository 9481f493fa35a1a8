using System.Numerics.Tensors;
using SosRap.Models;
using SosRap.Pipeline.Text;
using SosRap.Pipeline.Text.Pii;

namespace SosRap.Pipeline.Clustering;

/// <summary>
/// Turns cluster labels into <see cref="ThemeCluster"/> descriptions: keywords and label,
/// representative reports with redacted excerpts, counts per municipality, service area, period and
/// category, the trend, stable ids and — with a history — novelty evidence and the new-theme flag.
/// </summary>
internal sealed class ClusterDescriber(ThemeAnalysisOptions options, IPiiRedactor redactor)
{
    private const string Missing = "tuntematon";

    public List<(int Index, ThemeCluster Cluster)> Describe(IReadOnlyList<Report> reports, IReadOnlyList<AnalyzedText> analyses, IReadOnlyList<IReadOnlySet<string>> termSets,
        int[] labels, int clusterCount, float[] vectors, int dimension, NoveltyScorer? novelty,
        IReadOnlyList<(string Id, IReadOnlyCollection<string> Members)>? previous, CancellationToken cancellationToken)
        => Describe(reports, analyses, termSets, labels, clusterCount, vectors, dimension, novelty, previous, null, out _, cancellationToken);

    /// <summary>
    /// Describes the clusters; <paramref name="baseline"/> fixes the median and spread of cluster
    /// novelty (from the first pass, before candidates were merged) so merging does not move the bar.
    /// </summary>
    public List<(int Index, ThemeCluster Cluster)> Describe(IReadOnlyList<Report> reports, IReadOnlyList<AnalyzedText> analyses, IReadOnlyList<IReadOnlySet<string>> termSets,
        int[] labels, int clusterCount, float[] vectors, int dimension, NoveltyScorer? novelty,
        IReadOnlyList<(string Id, IReadOnlyCollection<string> Members)>? previous, (double Median, double Spread)? baseline, out (double Median, double Spread) used,
        CancellationToken cancellationToken)
    {
        var members = new List<int>[clusterCount];
        for (var c = 0; c < clusterCount; c++) members[c] = [];
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= 0) members[labels[i]].Add(i);
        }

        var keywords = ClusterLabeler.Keywords(analyses, labels, clusterCount, options.KeywordCount);
        var hasVectors = vectors.Length == labels.Length * dimension && vectors.Length > 0;
        var centroids = hasVectors ? KMeansClusterer.Centroids(vectors, dimension, labels, clusterCount) : [];
        var periodKeys = Periods.Span(reports.Select(r => r.ReportedAt), options.Period);
        var periodTotals = periodKeys.Select(p => reports.Count(r => Periods.Of(r.ReportedAt, options.Period) == p)).ToArray();
        var anyUnknown = reports.Any(r => r.ReportedAt is null);

        var ids = previous is null
            ? Enumerable.Range(0, clusterCount).Select(ThemeAnalysis.Count).ToArray()
            : ClusterIdMatcher.Match(members.Select(m => (IReadOnlyCollection<string>)m.Select(i => reports[i].Id).ToList()).ToList(), previous, options.IdMatchThreshold);

        var noveltyMeans = new double[clusterCount];
        if (novelty is not null)
        {
            for (var c = 0; c < clusterCount; c++) noveltyMeans[c] = members[c].Count == 0 ? 0 : members[c].Average(i => novelty.Mass(termSets[i]));
        }

        var minCandidate = Math.Max(options.MinCandidateSize, (int)Math.Ceiling(0.02 * labels.Length));
        var eligible = Enumerable.Range(0, clusterCount).Where(c => members[c].Count >= minCandidate).ToArray();
        var (median, spread) = baseline ?? RobustCentre(eligible.Select(c => noveltyMeans[c]).ToArray());
        used = (median, spread);
        var fits = novelty?.History.CategoryTerms is { } categoryTerms
            ? members.Select(m => BestCategory(m, termSets, categoryTerms, novelty.History)).ToArray()
            : new CategoryFit?[clusterCount];
        var typicalFit = fits.Where(f => f is not null).Select(f => f!.Cosine).ToArray() is { Length: > 0 } cosines ? Median(cosines) : (double?)null;

        var result = new List<(int, ThemeCluster)>(clusterCount);
        for (var c = 0; c < clusterCount; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var m = members[c];
            var periodCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var p in periodKeys) periodCounts[p] = 0;
            if (anyUnknown) periodCounts[Periods.Unknown] = 0;
            foreach (var i in m)
            {
                var key = Periods.Of(reports[i].ReportedAt, options.Period);
                periodCounts[key] = periodCounts.GetValueOrDefault(key) + 1;
            }

            NoveltyEvidence? evidence = null;
            var flagged = false;
            if (novelty is not null)
            {
                var score = spread > 0 ? (noveltyMeans[c] - median) / spread : 0;
                var all = BurstyTerms(m, termSets, novelty);
                var bursty = all.Take(8).ToList();
                // Evidence beyond the average: a few clearly new terms shared by several members, not one
                // word in two reports, and not one compound counted again through its parts.
                var strong = DistinctTerms(all.Where(b => b.NewCount >= NoveltyScorer.MinNewDocumentFrequency && b.Burst >= options.StrongBurst),
                    t => m.Where(i => termSets[i].Contains(t)).ToHashSet());
                flagged = m.Count >= minCandidate && score >= options.NoveltyThreshold && strong.Count >= options.MinStrongTerms;
                evidence = new NoveltyEvidence(noveltyMeans[c], score, bursty,
                    m.Count == 0 ? null : m.Select(i => reports[i].ReportedAt).Min(),
                    flagged ? HistorySimilarity(m, termSets, novelty.History) : null)
                {
                    BestCategory = fits[c],
                    StrongTerms = strong,
                    TypicalCategoryFit = typicalFit,
                };
            }

            result.Add((c, new ThemeCluster
            {
                Id = ids[c],
                Label = ClusterLabeler.Label(keywords[c], options.LabelKeywords),
                Keywords = keywords[c],
                Members = m.Select(i => reports[i].Id).ToList(),
                Representatives = Representatives(reports, m, vectors, dimension, hasVectors ? centroids.AsSpan(c * dimension, dimension).ToArray() : null),
                Municipalities = CountBy(m, i => reports[i].Municipality),
                ServiceAreas = CountBy(m, i => reports[i].ServiceArea),
                Periods = periodCounts,
                Categories = CountBy(m.SelectMany(i => reports[i].Categories.Select(x => (string?)x))),
                Trend = options.Trend.Classify(periodKeys.Select(p => periodCounts[p]).ToArray(), periodTotals),
                IsCandidateNewTheme = flagged,
                Novelty = evidence,
            }));
        }

        return result;
    }

    // Median and 1.4826 × median absolute deviation (a standard deviation for normal data); with
    // fewer than three clusters, or no deviation, there is no basis for "clearly above the rest".
    private static (double Median, double Spread) RobustCentre(double[] values)
    {
        if (values.Length < 3) return (0, 0);
        var median = Median(values);
        var mad = Median(values.Select(v => Math.Abs(v - median)).ToArray());
        return (median, 1.4826 * mad);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var h = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
    }

    private static List<BurstyTerm> BurstyTerms(List<int> members, IReadOnlyList<IReadOnlySet<string>> termSets, NoveltyScorer novelty)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in members)
        {
            foreach (var t in termSets[i])
            {
                if (novelty.BurstOf(t) > 0) counts[t] = counts.GetValueOrDefault(t) + 1;
            }
        }

        var nOld = Math.Max(1, novelty.History.DocumentCount);
        return counts.Where(p => p.Value >= 2)
            .OrderByDescending(p => p.Value * novelty.BurstOf(p.Key)).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new BurstyTerm(p.Key, novelty.BurstOf(p.Key), p.Value, (double)novelty.History.DocumentFrequency(p.Key) / nOld))
            .ToList();
    }

    /// <summary>
    /// Terms that are separate evidence: one is skipped when it contains or is contained in a term
    /// already kept (hyphens ignored: "kuntoutuja" after "mielenterveyskuntoutuja") or occurs in
    /// nearly the same reports (Jaccard ≥ 0.8: the parts of one compound, "osa-aikatyö" and "osaaika").
    /// </summary>
    internal static List<string> DistinctTerms(IEnumerable<BurstyTerm> terms, Func<string, HashSet<int>> reportsOf)
    {
        var kept = new List<(string Bare, HashSet<int> Reports)>();
        foreach (var t in terms.OrderByDescending(t => t.NewCount).ThenByDescending(t => t.Burst).ThenBy(t => t.Term, StringComparer.Ordinal))
        {
            var bare = t.Term.Replace("-", "", StringComparison.Ordinal);
            var reports = reportsOf(t.Term);
            if (kept.Any(k => k.Bare.Contains(bare, StringComparison.Ordinal) || bare.Contains(k.Bare, StringComparison.Ordinal)
                || k.Reports.Intersect(reports).Count() >= 0.8 * k.Reports.Union(reports).Count())) continue;
            kept.Add((bare, reports));
        }

        return kept.Select(k => k.Bare).ToList();
    }

    // Cosine between the cluster's and each category's term document counts, both weighted by the
    // history idf ln((N + 1) / (df + 1)) + 1, so shared common words weigh little.
    private static CategoryFit? BestCategory(List<int> members, IReadOnlyList<IReadOnlySet<string>> termSets,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> categoryTerms, IThemeHistory history)
    {
        if (members.Count == 0) return null;
        var n = history.DocumentCount;
        double Idf(string t) => Math.Log((n + 1.0) / (history.DocumentFrequency(t) + 1.0)) + 1;
        var cluster = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var i in members)
        {
            foreach (var t in termSets[i]) cluster[t] = cluster.GetValueOrDefault(t) + 1;
        }

        foreach (var t in cluster.Keys.ToList()) cluster[t] *= Idf(t);
        var clusterNorm = Math.Sqrt(cluster.Values.Sum(v => v * v));
        CategoryFit? best = null;
        foreach (var (category, counts) in categoryTerms.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            double dot = 0, norm = 0;
            foreach (var (t, count) in counts)
            {
                var w = count * Idf(t);
                norm += w * w;
                if (cluster.TryGetValue(t, out var v)) dot += v * w;
            }

            var cosine = norm > 0 && clusterNorm > 0 ? dot / (Math.Sqrt(norm) * clusterNorm) : 0;
            if (best is null || cosine > best.Cosine) best = new CategoryFit(category, Math.Round(cosine, 4));
        }

        return best;
    }

    // Mean over members of the best cosine between binary term sets and any history report.
    private static double? HistorySimilarity(List<int> members, IReadOnlyList<IReadOnlySet<string>> termSets, IThemeHistory history)
    {
        var docs = history.DocumentTerms;
        if (docs is null || docs.Count == 0 || members.Count == 0) return null;
        var total = 0d;
        foreach (var i in members)
        {
            var a = termSets[i];
            var best = 0d;
            foreach (var b in docs)
            {
                if (a.Count == 0 || b.Count == 0) continue;
                var inter = a.Count(b.Contains);
                best = Math.Max(best, inter / Math.Sqrt((double)a.Count * b.Count));
            }

            total += best;
        }

        return total / members.Count;
    }

    private List<RepresentativeReport> Representatives(IReadOnlyList<Report> reports, List<int> members, float[] vectors, int dimension, float[]? centroid)
    {
        var scored = members.Select(i => (Row: i, Score: centroid is null ? 0d : TensorPrimitives.Dot(vectors.AsSpan(i * dimension, dimension), centroid)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Row)
            .Take(options.RepresentativeCount);
        return scored.Select(x => new RepresentativeReport(reports[x.Row].Id, Excerpt(reports[x.Row].Phenomenon), Math.Round(x.Score, 4))).ToList();
    }

    private string Excerpt(string text)
    {
        var redacted = redactor.Redact(text).Text.ReplaceLineEndings(" ");
        if (redacted.Length <= options.ExcerptLength) return redacted;
        var cut = redacted.LastIndexOf(' ', options.ExcerptLength - 1);
        if (cut < options.ExcerptLength / 2) cut = options.ExcerptLength - 1;
        return redacted[..cut].TrimEnd(' ', ',', '.', ';', ':') + " …";
    }

    private static Dictionary<string, int> CountBy(List<int> members, Func<int, string?> key) => CountBy(members.Select(key));

    private static Dictionary<string, int> CountBy(IEnumerable<string?> keys)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var k in keys)
        {
            var key = string.IsNullOrWhiteSpace(k) ? Missing : k;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }
}

using SosRap.Models;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Clustering;

/// <summary>
/// Candidate new themes of a clustered batch (docs/clustering.md, "New themes"): flag clusters by
/// novelty, merge the parts of one theme, and combine several clusterings by majority.
/// </summary>
internal static class NewThemeDetector
{
    // One clustering's candidates: describe, flag by the novelty rule, merge parts of one theme, describe again.
    internal static List<(int Index, ThemeCluster Cluster)> FlagAndMerge(IReadOnlyList<Report> reports, AnalyzedText[] analyses, IReadOnlySet<string>[] termSets,
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
    internal static int Consensus(IReadOnlyList<Report> reports, AnalyzedText[] analyses, IReadOnlySet<string>[] termSets, int[] labels, int clusterCount,
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
    /// <see cref="ThemeAnalysis.SharedBurstyTerms"/> of its top bursty terms: they describe the same new phenomenon.
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
                if (b.Index == a.Index || b.Cluster.Novelty!.BurstyTerms.Count(t => ta.Contains(t.Term)) < ThemeAnalysis.SharedBurstyTerms) continue;
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
}

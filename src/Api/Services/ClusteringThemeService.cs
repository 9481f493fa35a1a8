using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SosRap.Api.Storage;
using SosRap.Pipeline.Clustering;
using SosRap.Pipeline.Text;
using PipelineCluster = SosRap.Pipeline.Clustering.ThemeCluster;

namespace SosRap.Api.Services;

/// <summary>
/// Clusters and candidate new themes from the pipeline's <see cref="ThemeAnalysis"/> (tf-idf → LSA →
/// k-means with silhouette-chosen k, c-TF-IDF labels, half-year trends, burst novelty against the
/// earlier reports). Only handled reports are clustered. Results are computed off the request
/// threads and cached per range and kind; a cached result is used while the handled reports it was
/// computed from are unchanged (their count and latest update in the database), and recomputed
/// lazily on the next request after a change, keeping the previous run's cluster ids for clusters
/// that still match. A request waits for a running computation at most <see cref="WaitLimit"/>.
/// </summary>
internal sealed partial class ClusteringThemeService(IReportCorpus corpus, IServiceScopeFactory scopes, TextAnalyzer analyzer,
    ILogger<ClusteringThemeService> logger) : IThemeService
{
    /// <summary>Longest a request waits for a computation before answering "still computing".</summary>
    internal static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly Dictionary<(DateOnly? From, DateOnly? To, bool Candidates), Entry> _cache = [];
    private readonly ThemeAnalysis _analysis = new(analyzer);

    private sealed record Entry(string Fingerprint, Task<Computed> Result);

    private sealed record Computed(AnalysisStatus Status, IReadOnlyList<PipelineCluster> Clusters, IReadOnlyList<string> Periods);

    public AnalysisStatus Status { get; } = new(true, "kmeans", null);

    public async Task<ThemeOutcome<Services.ThemeCluster>> ClustersAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var computed = await GetAsync(from, to, candidates: false, cancellationToken).ConfigureAwait(false);
        if (!computed.Status.Available) return new ThemeOutcome<Services.ThemeCluster>(computed.Status, []);
        return new ThemeOutcome<Services.ThemeCluster>(computed.Status, computed.Clusters.Select(c => new Services.ThemeCluster(
            c.Id, c.Label, c.Keywords.Select(k => k.Term).ToList(), c.Members, Trend(c), Dominant(c))).ToList());
    }

    public async Task<ThemeOutcome<ThemeCandidate>> CandidatesAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var computed = await GetAsync(from, to, candidates: true, cancellationToken).ConfigureAwait(false);
        if (!computed.Status.Available) return new ThemeOutcome<ThemeCandidate>(computed.Status, []);
        return new ThemeOutcome<ThemeCandidate>(computed.Status, computed.Clusters.Where(c => c.IsCandidateNewTheme)
            .OrderByDescending(c => c.Novelty?.NoveltyScore ?? 0)
            .Select(c => new ThemeCandidate(c.Id, c.Label, c.Keywords.Select(k => k.Term).ToList(), c.Members, Trend(c),
                // How poorly the earlier reports explain it: 1 − mean similarity to the nearest earlier report.
                Math.Round(Math.Clamp(1 - (c.Novelty?.HistoryNeighborSimilarity ?? 0), 0, 1), 3),
                CategoryId(c)))
            .ToList());
    }

    /// <summary>Starts computing the clusters of all handled reports, so that the first request finds them ready.</summary>
    public Task WarmAsync(CancellationToken cancellationToken) => GetAsync(null, null, candidates: false, cancellationToken);

    private async Task<Computed> GetAsync(DateOnly? from, DateOnly? to, bool candidates, CancellationToken cancellationToken)
    {
        var key = (from, to, candidates);
        var fingerprint = await FingerprintAsync(to, cancellationToken).ConfigureAwait(false);
        Entry entry;
        lock (_cache)
        {
            // Under the lock so that concurrent requests after a change start one computation, not several.
            if (!_cache.TryGetValue(key, out var cached) || cached.Fingerprint != fingerprint || cached.Result.IsFaulted || cached.Result.IsCanceled)
            {
                cached = new Entry(fingerprint, Start(from, to, candidates, cached));
                _cache[key] = cached;
            }

            entry = cached;
        }

        try
        {
            return await entry.Result.WaitAsync(WaitLimit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return new Computed(AnalysisStatus.Unavailable("Ryppäitä lasketaan vielä; yritä hetken kuluttua uudelleen."), [], []);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e.GetType().Name);
            return new Computed(AnalysisStatus.Unavailable("Ryhmittely epäonnistui."), [], []);
        }
    }

    // Runs on the thread pool, not on the request: a cancelled request does not waste the work.
    private Task<Computed> Start(DateOnly? from, DateOnly? to, bool candidates, Entry? old) =>
        Task.Run(async () =>
        {
            IReadOnlyList<(string, IReadOnlyCollection<string>)>? previousIds = null;
            if (old is { Result.IsCompletedSuccessfully: true })
                previousIds = old.Result.Result.Clusters.Select(c => (c.Id, (IReadOnlyCollection<string>)c.Members)).ToList();
            return await ComputeAsync(from, to, candidates, previousIds).ConfigureAwait(false);
        });

    private async Task<Computed> ComputeAsync(DateOnly? from, DateOnly? to, bool candidates, IReadOnlyList<(string, IReadOnlyCollection<string>)>? previous)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var handled = new List<Models.Report>();
        await foreach (var r in corpus.ReadAsync(candidates ? null : from, to, labelledOnly: false, CancellationToken.None).ConfigureAwait(false))
        {
            if (!r.Confirmed) continue;
            handled.Add(new Models.Report
            {
                Id = r.Id, Phenomenon = r.Text, Municipality = r.Municipality, ServiceArea = r.ServiceArea, ReportedAt = r.ReportedAt,
                Categories = r.Categories, Language = r.Language,
            });
        }

        var batch = handled;
        ReportHistory? history = null;
        if (candidates)
        {
            // Without a period the newest half-year with handled reports is the batch, everything earlier its history.
            var batchFrom = from ?? (handled.Count == 0 ? DateOnly.MinValue : HalfYearStart(handled.Max(r => r.ReportedAt!.Value)));
            batch = handled.Where(r => r.ReportedAt >= batchFrom).ToList();
            var earlier = handled.Where(r => r.ReportedAt < batchFrom).ToList();
            history = ReportHistory.FromReports(earlier, analyzer);
        }

        if (batch.Count < ThemeAnalysis.MinReports)
        {
            return new Computed(AnalysisStatus.Unavailable(string.Create(CultureInfo.InvariantCulture,
                $"Jaksolla on liian vähän käsiteltyjä raportteja ryhmittelyyn ({batch.Count}, vähintään {ThemeAnalysis.MinReports}).")), [], []);
        }

        var result = _analysis.Run(batch, history: history, previous: previous);
        LogComputed(batch.Count, result.Clusters.Count, result.Candidates.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var version = string.Create(CultureInfo.InvariantCulture, $"{result.Method}-k{result.Clusters.Count}-n{batch.Count}");
        return new Computed(new AnalysisStatus(true, version, null), result.Clusters, result.Periods);
    }

    /// <summary>What a result depends on: the handled reports up to <paramref name="to"/> (the batch and, for candidates, its history).</summary>
    private async Task<string> FingerprintAsync(DateOnly? to, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SosRapDbContext>();
        var handled = Workflow.Handled.ToList();
        var reports = db.Reports.AsNoTracking().Where(r => handled.Contains(r.State));
        if (to is { } t) reports = reports.Where(r => r.ReportedAt <= t);
        var count = await reports.CountAsync(cancellationToken).ConfigureAwait(false);
        var latest = await reports.MaxAsync(r => (DateTime?)r.UpdatedAt, cancellationToken).ConfigureAwait(false);
        return string.Create(CultureInfo.InvariantCulture, $"{count}:{latest?.Ticks ?? 0}");
    }

    private static DateOnly HalfYearStart(DateOnly date) => new(date.Year, date.Month <= 6 ? 1 : 7, 1);

    // The pipeline writes half-years as 2024-H1; the API's periods are 2024H1.
    private static List<(string Period, int Count)> Trend(PipelineCluster c) =>
        c.Periods.Select(p => (p.Key.Length == 7 && p.Key[4] == '-' && p.Key[5] == 'H' ? p.Key.Remove(4, 1) : p.Key, p.Value)).ToList();

    private static List<string> Dominant(PipelineCluster c) =>
        c.Categories.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(3).Select(kv => kv.Key).ToList();

    /// <summary>A category id in the taxonomy's alphabet (a–z, 0–9, _) from the two strongest keywords.</summary>
    private static string? CategoryId(PipelineCluster c)
    {
        var sb = new StringBuilder();
        foreach (var term in c.Keywords.Take(2).Select(k => k.Term))
        {
            if (sb.Length > 0) sb.Append('_');
            foreach (var ch in term.ToLowerInvariant())
            {
                var folded = ch switch { 'ä' or 'å' => 'a', 'ö' => 'o', _ => ch };
                if (folded is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(folded);
            }
        }

        var id = sb.ToString().Trim('_');
        return id.Length < 2 ? null : id[..Math.Min(id.Length, 50)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Themes computed: {Reports} reports, {Clusters} clusters, {Candidates} candidates, {Milliseconds:F0} ms")]
    private partial void LogComputed(int reports, int clusters, int candidates, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Theme computation failed: {Error}")]
    private partial void LogFailed(string error);
}

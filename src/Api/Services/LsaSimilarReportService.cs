using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using SosRap.Api.Hosting;
using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Search;
using SosRap.Pipeline.Text;

namespace SosRap.Api.Services;

/// <summary>
/// Similar earlier reports through the analysis pipeline: every stored (redacted) report is
/// analysed (<see cref="TextAnalyzer"/>), embedded by an LSA model fitted on the stored corpus
/// (tf-idf with compound parts → randomized SVD) and kept in an exact cosine <see cref="FlatIndex"/>.
/// The fit runs in the background (<see cref="RebuildAsync"/>, started by <see cref="AnalysisStartup"/>);
/// until it is done, or while there are too few reports, <see cref="Status"/> says why and submits
/// carry on without similar reports. Reports stored after the fit are embedded with the fitted
/// model and upserted at once; when the corpus has doubled since the fit, it is refitted in the
/// background on one thread (the vocabulary of new reports would otherwise be missing), at most
/// once per <see cref="MinRefitInterval"/>.
/// Thread-safe: searches share a read lock, upserts and the swap to a new index take the write lock.
/// </summary>
internal sealed partial class LsaSimilarReportService : ISimilarReportService, IDisposable
{
    private readonly IReportCorpus _corpus;
    private readonly TextAnalyzer _analyzer;
    private readonly ILogger<LsaSimilarReportService> _logger;
    private readonly int _minReports;
    private readonly TimeProvider _time;
    private readonly ReaderWriterLockSlim _lock = new();

    // Every stored report id known to the service (for counting), and what arrived during a rebuild.
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _arrivedDuringRebuild = new(StringComparer.Ordinal);
    // Vectors of texts just searched for: a submit searches its text, then indexes the same text (one analysis saved).
    private readonly ConcurrentDictionary<string, (Snapshot Snapshot, float[] Vector)> _recent = new(StringComparer.Ordinal);
    private Snapshot? _snapshot;
    private AnalysisStatus _status = AnalysisStatus.Unavailable("Samankaltaisuushakua valmistellaan (raportteja luetaan).");
    private int _rebuilding;
    private long _lastFitStarted; // 0: never
    private bool _disposed;

    private const int RecentLimit = 1024;

    /// <summary>Least time between two refits: a burst of submits must not keep a core busy refitting.</summary>
    internal static readonly TimeSpan MinRefitInterval = TimeSpan.FromMinutes(10);

    public LsaSimilarReportService(IReportCorpus corpus, TextAnalyzer analyzer, IOptions<SosRapOptions> options, ILogger<LsaSimilarReportService> logger,
        TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _corpus = corpus;
        _analyzer = analyzer;
        _logger = logger;
        _minReports = options.Value.Analysis.MinIndexReports;
    }

    /// <summary>The fitted model and its index.</summary>
    private sealed record Snapshot(LsaEmbedder Embedder, FlatIndex Index, int FittedOn, string Version);

    public AnalysisStatus Status => Volatile.Read(ref _status);

    /// <summary>True while a fit runs.</summary>
    public bool IsRebuilding => Volatile.Read(ref _rebuilding) != 0;

    public Task<SimilarOutcome> FindAsync(string text, string language, int limit, string? excludeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        SearchHit[] hits = [];
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var snapshot = Volatile.Read(ref _snapshot);
            if (snapshot is null) return Task.FromResult(new SimilarOutcome(Status, []));
            var vector = new float[snapshot.Embedder.Dimension];
            if (!snapshot.Embedder.TryEmbed(text, _analyzer.Analyze(text), vector))
                return Task.FromResult(new SimilarOutcome(Status, []));

            _lock.EnterReadLock();
            try
            {
                // A refit may have swapped (and disposed) the index while the text was analysed: embed again with the new model.
                if (!ReferenceEquals(snapshot, _snapshot)) continue;
                if (snapshot.Index.Count > 0) hits = snapshot.Index.Search(vector, Math.Min(limit + 1, snapshot.Index.Count));
                if (_recent.Count >= RecentLimit) _recent.Clear();
                _recent[text] = (snapshot, vector);
                break;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }

        var found = hits.Where(h => h.Row >= 0 && !string.Equals(h.Id, excludeId, StringComparison.Ordinal))
            .Take(limit).Select(h => (h.Id, Math.Clamp((double)h.Score, 0, 1))).ToList();
        return Task.FromResult(new SimilarOutcome(Status, found));
    }

    public Task IndexAsync(string id, string text, string language, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(text);
        var snapshot = Volatile.Read(ref _snapshot);
        float[]? vector = null;
        if (snapshot is not null && _recent.TryRemove(text, out var recent) && ReferenceEquals(recent.Snapshot, snapshot))
        {
            vector = recent.Vector;
        }
        else if (snapshot is not null)
        {
            vector = new float[snapshot.Embedder.Dimension];
            if (!snapshot.Embedder.TryEmbed(text, _analyzer.Analyze(text), vector)) vector = null;
        }

        int known;
        bool refit;
        _lock.EnterWriteLock();
        try
        {
            _known.Add(id);
            known = _known.Count;
            if (_rebuilding != 0) _arrivedDuringRebuild[id] = text;
            if (ReferenceEquals(snapshot, _snapshot) && snapshot is not null)
            {
                if (vector is not null) snapshot.Index.Upsert(id, vector);
                else if (snapshot.Index.Contains(id)) snapshot.Index.Remove(id);
            }

            refit = _rebuilding == 0 && (snapshot is null ? known >= _minReports : known >= 2 * snapshot.FittedOn)
                && (Volatile.Read(ref _lastFitStarted) == 0 || _time.GetElapsedTime(Volatile.Read(ref _lastFitStarted)) >= MinRefitInterval);
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        if (refit)
        {
            LogRefit(known);
            _ = Task.Run(() => RebuildAsync(CancellationToken.None), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>Reads every stored report, fits the model and builds the index, then swaps it in. Only one runs at a time.</summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _rebuilding, 1, 0) != 0) return;
        Volatile.Write(ref _lastFitStarted, _time.GetTimestamp());
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var ids = new List<string>();
            var analyses = new List<AnalyzedText>();
            var texts = new List<string>();
            await foreach (var report in _corpus.ReadAsync(null, null, labelledOnly: false, cancellationToken).ConfigureAwait(false))
            {
                ids.Add(report.Id);
                texts.Add(report.Text);
            }

            // Analysis is the expensive part (Voikko per word form): one thread, off the request threads, so that requests keep the other cores.
            await Task.Run(() =>
            {
                foreach (var text in texts)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    analyses.Add(_analyzer.Analyze(text));
                }
            }, cancellationToken).ConfigureAwait(false);

            _lock.EnterWriteLock();
            try
            {
                foreach (var id in ids) _known.Add(id);
            }
            finally
            {
                _lock.ExitWriteLock();
            }

            if (ids.Count < _minReports)
            {
                Volatile.Write(ref _status, AnalysisStatus.Unavailable(string.Create(CultureInfo.InvariantCulture,
                    $"Samankaltaisuushaku otetaan käyttöön, kun raportteja on vähintään {_minReports} (nyt {ids.Count}).")));
                LogTooFew(ids.Count, _minReports);
                return;
            }

            Volatile.Write(ref _status, _snapshot is null
                ? AnalysisStatus.Unavailable(string.Create(CultureInfo.InvariantCulture, $"Samankaltaisuushakua valmistellaan ({ids.Count} raporttia)."))
                : _status);
            var snapshot = await Task.Run(() => Fit(ids, analyses, cancellationToken), cancellationToken).ConfigureAwait(false);
            Snapshot? old;
            _lock.EnterWriteLock();
            try
            {
                // Reports stored while the fit ran: the corpus read may have missed them.
                foreach (var (id, text) in _arrivedDuringRebuild)
                {
                    var vector = new float[snapshot.Embedder.Dimension];
                    if (snapshot.Embedder.TryEmbed(text, _analyzer.Analyze(text), vector)) snapshot.Index.Upsert(id, vector);
                }

                _arrivedDuringRebuild.Clear();
                old = _snapshot;
                Volatile.Write(ref _snapshot, snapshot);
                Volatile.Write(ref _status, new AnalysisStatus(true, snapshot.Version, null));
                old?.Index.Dispose();
            }
            finally
            {
                _lock.ExitWriteLock();
            }

            LogFitted(snapshot.Index.Count, snapshot.Embedder.Dimension, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Never fatal: submits go on without similar reports, and the reason is visible.
            Volatile.Write(ref _status, _snapshot is null ? AnalysisStatus.Unavailable("Samankaltaisuushaun mallin sovitus epäonnistui.") : _status);
            LogFitFailed(e.GetType().Name);
        }
        finally
        {
            Volatile.Write(ref _rebuilding, 0);
        }
    }

    private static Snapshot Fit(List<string> ids, List<AnalyzedText> analyses, CancellationToken cancellationToken)
    {
        // At most one dimension per two reports: more would only fit noise of a small corpus.
        var dimension = Math.Clamp(ids.Count / 2, 2, 200);
        var embedder = new LsaEstimator(new LsaOptions
        {
            Dimension = dimension,
            Svd = new RandomizedSvdOptions { MaxDegreeOfParallelism = 1 },
        }).Fit(analyses, cancellationToken: cancellationToken);
        var index = new FlatIndex(new FlatIndexOptions { Dimension = embedder.Dimension, InitialCapacity = Math.Max(1024, ids.Count * 2), MaxThreads = 1 });
        var vector = new float[embedder.Dimension];
        for (var i = 0; i < ids.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (embedder.TryEmbed("", analyses[i], vector)) index.Upsert(ids[i], vector);
        }

        var version = string.Create(CultureInfo.InvariantCulture, $"lsa{embedder.Dimension}-{ids.Count}-{DateTime.UtcNow:yyyyMMdd'T'HHmmss}");
        return new Snapshot(embedder, index, ids.Count, version);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _snapshot?.Index.Dispose();
        _lock.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Similarity index fitted: {Count} reports, {Dimension} dimensions, {Milliseconds:F0} ms")]
    private partial void LogFitted(int count, int dimension, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Similarity index not fitted: {Count} reports, at least {Minimum} needed")]
    private partial void LogTooFew(int count, int minimum);

    [LoggerMessage(Level = LogLevel.Information, Message = "Similarity index refit started: {Count} reports")]
    private partial void LogRefit(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Similarity index fit failed: {Error}")]
    private partial void LogFitFailed(string error);
}

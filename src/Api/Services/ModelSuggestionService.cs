using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SosRap.Api.Hosting;
using SosRap.Pipeline.IO;
using SosRap.Pipeline.Suggestions;

namespace SosRap.Api.Services;

/// <summary>
/// Category suggestions from the pipeline's <see cref="SuggestionModel"/> (kNN, linear, centroid and
/// zero-shot backends stacked into a calibrated ensemble), kept in the model directory
/// (<c>var/model</c> by default). At start (<see cref="StartAsync"/>, in the background) the
/// stored model is loaded when it was trained on the current taxonomy version and on exactly the
/// confirmed reports now stored (a SHA-256 of their ids, texts and categories, kept beside it in
/// <c>model.source.json</c>); otherwise a new one is trained on the confirmed reports and saved.
/// With too few confirmed reports to train, an older model is still used; with none, suggestions
/// are unavailable and <see cref="Status"/> says why. A model directory without a source file
/// (written by <c>sosrap train --out</c>) is the operator's and is loaded as it is, never replaced. Confirmed reports reach the kNN history at
/// once (<see cref="LearnAsync"/>); the linear backend learns them at the next retrain.
/// </summary>
internal sealed partial class ModelSuggestionService : ISuggestionService, IDisposable
{
    private const string SourceFile = "source.json";

    private readonly IReportCorpus _corpus;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<ModelSuggestionService> _logger;
    private readonly string _directory;
    private readonly int _minReports;
    private readonly Lock _pendingLock = new();
    private readonly List<LabelledReport> _learnedWhileLoading = [];
    private SuggestionModel? _model;
    private string? _version;
    private AnalysisStatus _status = AnalysisStatus.Unavailable("Ehdotusmallia valmistellaan.");
    private bool _disposed;

    public ModelSuggestionService(IReportCorpus corpus, IServiceScopeFactory scopes, IOptions<SosRapOptions> options, ILogger<ModelSuggestionService> logger)
    {
        _corpus = corpus;
        _scopes = scopes;
        _logger = logger;
        var settings = options.Value;
        _directory = Path.GetFullPath(settings.Analysis.ModelDirectory ?? Path.Combine(settings.DataDirectory, "model"));
        _minReports = settings.Analysis.MinTrainingReports;
    }

    /// <summary>What the stored model was trained on.</summary>
    private sealed record ModelSource(int TaxonomyVersion, string DataSha256, int Reports, DateTimeOffset TrainedAt, double TrainSeconds);

    public AnalysisStatus Status => Volatile.Read(ref _status);

    /// <summary>The folder of the model.</summary>
    public string ModelDirectory => _directory;

    public Task<SuggestionOutcome> SuggestAsync(SuggestionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var model = Volatile.Read(ref _model);
        if (model is null) return Task.FromResult(new SuggestionOutcome(Status, []));

        // Nothing to categorise (the model refuses an empty text): no suggestions rather than an error.
        if (string.IsNullOrWhiteSpace(query.Text)) return Task.FromResult(new SuggestionOutcome(Status, []));
        var result = model.Suggest(query.Text, Math.Max(1, query.Limit), (float)query.Threshold);
        var suggestions = result.Suggestions.Select(s => new Suggestion(s.Category, Math.Clamp(s.Score, 0, 1),
            s.Evidence?.Lemmas ?? [],
            s.Evidence?.SimilarReportIds.Where(id => !string.Equals(id, query.ExcludeReportId, StringComparison.Ordinal)).ToList() ?? [])).ToList();
        return Task.FromResult(new SuggestionOutcome(Status, suggestions));
    }

    public Task LearnAsync(LabelledReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        SuggestionModel? model;
        lock (_pendingLock)
        {
            model = _model;
            if (model is null)
            {
                // Applied when the model being loaded or trained is ready (its corpus read may have missed this one).
                _learnedWhileLoading.Add(report);
                return Task.CompletedTask;
            }
        }

        Learn(model, report);
        return Task.CompletedTask;
    }

    private static void Learn(SuggestionModel model, LabelledReport report)
    {
        if (string.IsNullOrWhiteSpace(report.Text)) return;
        var known = report.Categories.Where(model.Taxonomy.Contains).ToList();
        model.AddFeedback(report.Id, report.Text, known, [], []);
    }

    /// <summary>Loads the stored model, or trains and saves a new one when the taxonomy or the confirmed reports changed.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var current = await scope.ServiceProvider.GetRequiredService<TaxonomyService>().CurrentAsync(cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                Volatile.Write(ref _status, AnalysisStatus.Unavailable("Taksonomiaa ei ole vielä alustettu."));
                return;
            }

            var taxonomy = new Models.Taxonomy(current.Categories.Select(c => new Models.Category(c.Id, c.Name, c.Description, c.Terms, c.SupportNeed)).ToList(),
                current.Version.ToString(CultureInfo.InvariantCulture));
            var reports = new List<Models.Report>();
            await foreach (var r in _corpus.ReadAsync(null, null, labelledOnly: true, cancellationToken).ConfigureAwait(false))
            {
                var categories = r.Categories.Where(taxonomy.Contains).Order(StringComparer.Ordinal).ToList();
                if (categories.Count == 0) continue;
                reports.Add(new Models.Report
                {
                    Id = r.Id, Phenomenon = r.Text, Municipality = r.Municipality, ServiceArea = r.ServiceArea, ReportedAt = r.ReportedAt,
                    Categories = categories, Language = r.Language,
                });
            }

            var hash = DataHash(reports);
            var stored = ReadSource();
            var hasModel = Directory.Exists(_directory);
            // A model directory without a source file was put there by `sosrap train`: the operator's model is used as it is.
            if (hasModel && (stored is null || (stored.TaxonomyVersion == current.Version && stored.DataSha256 == hash)))
            {
                Ready(await Task.Run(() => SuggestionModel.Load(_directory), cancellationToken).ConfigureAwait(false), stored, "loaded");
                return;
            }

            if (reports.Count < _minReports)
            {
                if (hasModel)
                {
                    // Better an older model than none; the service keeps only categories of the current taxonomy.
                    Ready(await Task.Run(() => SuggestionModel.Load(_directory), cancellationToken).ConfigureAwait(false), stored, "loaded (older data)");
                    return;
                }

                Volatile.Write(ref _status, AnalysisStatus.Unavailable(string.Create(CultureInfo.InvariantCulture,
                    $"Ehdotusmallia ei ole: malli opetetaan, kun vahvistettuja raportteja on vähintään {_minReports} (nyt {reports.Count}).")));
                LogTooFew(reports.Count, _minReports);
                return;
            }

            Volatile.Write(ref _status, AnalysisStatus.Unavailable(string.Create(CultureInfo.InvariantCulture,
                $"Ehdotusmallia opetetaan {reports.Count} vahvistetulla raportilla; ehdotukset tulevat käyttöön hetken kuluttua.")));
            LogTraining(reports.Count);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var model = await Task.Run(() => SuggestionModel.Train(reports, taxonomy, new SuggestionTrainingOptions { SourceName = "tietokanta" },
                cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
            var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;

            // A fresh directory: the confirmed reports already carry every earlier decision, so old feedback must not be replayed.
            if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
            await model.SaveAsync(_directory, cancellationToken).ConfigureAwait(false);
            var source = new ModelSource(current.Version, hash, reports.Count, DateTimeOffset.UtcNow, Math.Round(seconds, 1));
            await AtomicFile.WriteAllTextAsync(SourcePath, JsonSerializer.Serialize(source), cancellationToken).ConfigureAwait(false);
            Ready(model, source, "trained");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Never fatal: reports are stored without suggestions, and the reason is visible.
            Volatile.Write(ref _status, AnalysisStatus.Unavailable("Ehdotusmallin lataus tai opetus epäonnistui; raportit tallentuvat ilman ehdotuksia."));
            LogFailed(e.GetType().Name);
        }
    }

    private void Ready(SuggestionModel model, ModelSource? source, string how)
    {
        var version = string.Create(CultureInfo.InvariantCulture,
            $"sosrap-{model.Manifest.Created.UtcDateTime:yyyyMMdd'T'HHmmss}-t{model.Taxonomy.Version}-n{model.Manifest.LabelledRows}");
        List<LabelledReport> pending;
        lock (_pendingLock)
        {
            pending = [.. _learnedWhileLoading];
            _learnedWhileLoading.Clear();
            _version = version;
            Volatile.Write(ref _model, model);
        }

        foreach (var report in pending) Learn(model, report);
        Volatile.Write(ref _status, new AnalysisStatus(true, version, null));
        LogReady(how, version, source?.Reports ?? model.Manifest.LabelledRows, source?.TrainSeconds ?? 0);
    }

    private string SourcePath => Path.Combine(Path.GetDirectoryName(_directory)!, Path.GetFileName(_directory) + "." + SourceFile);

    private ModelSource? ReadSource()
    {
        try
        {
            return File.Exists(SourcePath) ? JsonSerializer.Deserialize<ModelSource>(File.ReadAllText(SourcePath)) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>SHA-256 over what the model learns from: ids, texts and categories, in the corpus order.</summary>
    internal static string DataHash(IReadOnlyList<Models.Report> reports)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var r in reports)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(r.Id));
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(r.FullText));
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(string.Join(' ', r.Categories)));
            hash.AppendData([1]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _model?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Suggestion model {How}: {Version}, {Reports} confirmed reports, trained in {Seconds:F1} s")]
    private partial void LogReady(string how, string version, int reports, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Suggestion model training started: {Reports} confirmed reports")]
    private partial void LogTraining(int reports);

    [LoggerMessage(Level = LogLevel.Information, Message = "No suggestion model: {Reports} confirmed reports, at least {Minimum} needed")]
    private partial void LogTooFew(int reports, int minimum);

    [LoggerMessage(Level = LogLevel.Error, Message = "Suggestion model could not be loaded or trained: {Error}")]
    private partial void LogFailed(string error);
}

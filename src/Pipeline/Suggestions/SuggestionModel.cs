using System.Text.Json;
using SosRap.Models;
using SosRap.Pipeline.Text;
using SosRap.Pipeline.Text.Voikko;

namespace SosRap.Pipeline.Suggestions;

/// <summary>
/// The category suggestion model behind <c>sosrap train/suggest/eval</c> and the HTTP service: the
/// featurizer, every backend, the ensemble and the reviewers' feedback, loaded from or saved to one
/// model directory. Thread-safe: any number of concurrent <see cref="Suggest"/> calls, and
/// <see cref="AddFeedback"/> (which changes the kNN history and centroids at once) serialised against them.
/// </summary>
public sealed class SuggestionModel : IDisposable
{
    /// <summary>Longest text analysed, in characters; longer texts are cut with a warning (about 15 pages of prose).</summary>
    public const int MaxTextLength = 50_000;

    private readonly TrainedParts _parts;
    private readonly TextPreparer _preparer;
    private readonly IDisposable? _owned;
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _categoryIndex;
    private string? _directory;

    private SuggestionModel(Taxonomy taxonomy, TrainedParts parts, TextPreparer preparer, IDisposable? owned, string? directory)
    {
        Taxonomy = taxonomy;
        _parts = parts;
        _preparer = preparer;
        _owned = owned;
        _directory = directory;
        _categoryIndex = taxonomy.Categories.Select((c, i) => (c.Id, i)).ToDictionary(t => t.Id, t => t.i, StringComparer.Ordinal);
    }

    /// <summary>The taxonomy the model suggests from.</summary>
    public Taxonomy Taxonomy { get; }

    /// <summary>Training facts, settings, learned weights and cross-validated metrics.</summary>
    public SuggestionManifest Manifest => _parts.Manifest;

    /// <summary>The default threshold on the ensemble's calibrated score, chosen on out-of-fold data (0 without an ensemble).</summary>
    public float Threshold => _parts.Ensemble is null ? 0f : _parts.Manifest.Threshold;

    /// <summary>
    /// The ensemble's default threshold for <paramref name="category"/>: its own out-of-fold choice when it
    /// had enough labelled reports, else <see cref="Threshold"/>.
    /// </summary>
    public float ThresholdFor(string category) =>
        _parts.Ensemble is null ? 0f : _parts.Manifest.CategoryThresholds.TryGetValue(category, out var t) ? t : Threshold;

    /// <summary>True when the model was trained on labelled reports (otherwise it is zero-shot only).</summary>
    public bool IsTrained => _parts.Knn is not null;

    /// <summary>The directory the model was loaded from or last saved to; feedback is appended there.</summary>
    public string? Directory => _directory;

    /// <summary>
    /// Trains a model on <paramref name="reports"/> (labelled in <see cref="Report.Categories"/>; unlabelled rows
    /// only shape the vocabulary). Categories missing from <paramref name="taxonomy"/> are an
    /// <see cref="InputException"/> naming the row and id. Voikko must be installed.
    /// </summary>
    public static SuggestionModel Train(IReadOnlyList<Report> reports, Taxonomy taxonomy, SuggestionTrainingOptions? options = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(taxonomy);
        options = (options ?? new SuggestionTrainingOptions()).Validate();
        var lemmatizer = new VoikkoLemmatizer(new VoikkoOptions { DictionaryPath = options.VoikkoPath });
        try
        {
            var preparer = new TextPreparer(new TextAnalyzer(new FinnishTokenizer(), lemmatizer, Stopwords.Default));
            var parts = SuggestionTrainer.Train(reports, taxonomy, options, preparer, progress, cancellationToken);
            return new SuggestionModel(taxonomy, parts, preparer, lemmatizer, null);
        }
        catch
        {
            lemmatizer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A zero-shot model from the taxonomy alone (no labelled reports): the vocabulary is fitted on the
    /// category texts and on <paramref name="unlabelledTexts"/> (e.g. the reports about to be categorised).
    /// </summary>
    public static SuggestionModel ZeroShot(Taxonomy taxonomy, IReadOnlyList<string>? unlabelledTexts = null, string? voikkoPath = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        var reports = (unlabelledTexts ?? []).Where(t => !string.IsNullOrWhiteSpace(t))
            .Select((t, i) => new Report { Id = "u" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Phenomenon = t }).ToList();
        return Train(reports, taxonomy, new SuggestionTrainingOptions { VoikkoPath = voikkoPath }, null, cancellationToken);
    }

    /// <summary>Loads a model directory written by <see cref="SaveAsync"/>.</summary>
    /// <exception cref="InputException">The directory or one of its files is missing, or its format version is not this build's.</exception>
    public static SuggestionModel Load(string directory, string? voikkoPath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var (taxonomy, parts) = ModelDirectory.Read(directory);
        var lemmatizer = new VoikkoLemmatizer(new VoikkoOptions { DictionaryPath = voikkoPath });
        var model = new SuggestionModel(taxonomy, parts, new TextPreparer(new TextAnalyzer(new FinnishTokenizer(), lemmatizer, Stopwords.Default)),
            lemmatizer, Path.GetFullPath(directory));
        foreach (var f in ModelDirectory.ReadFeedback(directory)) model.ApplyFeedback(f);
        return model;
    }

    /// <summary>Writes the model directory atomically (temporary directory, then rename); an existing directory's feedback.jsonl is kept.</summary>
    public async Task SaveAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        // The lock has thread affinity: snapshot the mutable backends synchronously, then write without it.
        byte[] backends;
        _lock.EnterReadLock();
        try
        {
            backends = ModelDirectory.SerializeBackends(_parts);
        }
        finally
        {
            _lock.ExitReadLock();
        }

        await ModelDirectory.WriteAsync(directory, Taxonomy, _parts, backends, cancellationToken).ConfigureAwait(false);
        _directory = Path.GetFullPath(directory);
    }

    /// <summary>
    /// Suggests categories for one report text (phenomenon and proposal), best first, with calibrated
    /// scores and evidence (lemmas, similar earlier reports). The text is redacted before analysis.
    /// </summary>
    /// <param name="text">Report text; must not be empty.</param>
    /// <param name="limit">Most suggestions to return.</param>
    /// <param name="threshold">Least score; null uses the model's per-category defaults (<see cref="ThresholdFor"/>) for the ensemble and 0 for single backends.</param>
    /// <param name="backend">Which backend answers.</param>
    /// <exception cref="InputException">The text is empty.</exception>
    public SuggestionResult Suggest(string text, int limit = 5, float? threshold = null, SuggestionBackend backend = SuggestionBackend.Default)
    {
        var prepared = _preparer.Prepare(text);
        var input = _preparer.Input(prepared, _parts.Features);
        var warnings = prepared.Warnings.ToList();
        if (input.Features.IsEmpty)
            warnings.Add("tekstissä ei ole yhtään mallin tuntemaa sanaa; ehdotuksia ei voi antaa");
        var suggester = Backend(backend);
        var options = new SuggestOptions { Limit = limit, Threshold = threshold ?? 0f };
        if (threshold is null && suggester is EnsembleSuggester)
            options = options with { CategoryThresholds = Taxonomy.Categories.Select(c => ThresholdFor(c.Id)).ToArray() };
        _lock.EnterReadLock();
        try
        {
            var suggestions = input.Features.IsEmpty ? [] : suggester.Suggest(input, options);
            return new SuggestionResult(suggestions, prepared.Language, warnings);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The backend that <paramref name="backend"/> names.</summary>
    /// <exception cref="InputException">The model has no such backend (a zero-shot model has only zero-shot).</exception>
    public ISuggester Backend(SuggestionBackend backend) => backend switch
    {
        SuggestionBackend.Default => (ISuggester?)_parts.Ensemble ?? (ISuggester?)_parts.Centroid ?? _parts.ZeroShot,
        SuggestionBackend.Ensemble => _parts.Ensemble ?? throw Missing("ensemble"),
        SuggestionBackend.Knn => _parts.Knn ?? throw Missing("knn"),
        SuggestionBackend.Linear => _parts.Linear ?? throw Missing("linear"),
        SuggestionBackend.Centroid => _parts.Centroid ?? throw Missing("centroid"),
        SuggestionBackend.ZeroShot => _parts.ZeroShot,
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, null),
    };

    private InputException Missing(string name) => new(IsTrained
        ? $"mallissa ei ole taustajärjestelmää '{name}' (ristiinvalidointiin oli liian vähän luokiteltuja raportteja)"
        : $"mallissa ei ole taustajärjestelmää '{name}': malli on opetettu ilman luokiteltuja raportteja (vain zeroshot)");

    /// <summary>
    /// Records a reviewer's decision: the confirmed categories (accepted and added, less rejected)
    /// replace the report in the kNN history and update the centroids at once; the record is
    /// appended to the model directory's <c>feedback.jsonl</c> (when the model has a directory), so
    /// the next <c>sosrap train</c> folds it into the training set. The text is redacted first.
    /// </summary>
    /// <exception cref="InputException">A category is not in the taxonomy, the id is empty, or the text is empty.</exception>
    public void AddFeedback(string reportId, string text, IReadOnlyCollection<string> accepted, IReadOnlyCollection<string> rejected,
        IReadOnlyCollection<string> added)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(rejected);
        ArgumentNullException.ThrowIfNull(added);
        if (string.IsNullOrWhiteSpace(reportId)) throw new InputException("palautteen raporttitunnus on tyhjä", field: "id");
        foreach (var c in accepted.Concat(rejected).Concat(added))
        {
            if (!_categoryIndex.ContainsKey(c))
                throw new InputException($"palautteen luokka '{c}' ei ole luokituksessa", field: "categories");
        }

        var prepared = _preparer.Prepare(text, reportId);
        var record = new FeedbackRecord(reportId, prepared.Redacted, accepted.ToList(), rejected.ToList(), added.ToList(), DateTimeOffset.UtcNow);
        _lock.EnterWriteLock();
        try
        {
            ApplyFeedbackLocked(record, prepared.Analysis);
            if (_directory is not null) ModelDirectory.AppendFeedback(_directory, record);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private void ApplyFeedback(FeedbackRecord record)
    {
        var analysis = _preparer.Analyzer.Analyze(record.Text);
        _lock.EnterWriteLock();
        try
        {
            ApplyFeedbackLocked(record, analysis);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private void ApplyFeedbackLocked(FeedbackRecord record, AnalyzedText analysis)
    {
        if (_parts.Knn is null) return;
        var vector = _parts.Features.Transform(analysis);
        var labels = record.Confirmed.Where(_categoryIndex.ContainsKey).Select(c => _categoryIndex[c]).Distinct().ToArray();
        var history = _parts.Knn.History;
        if (history.TryGet(record.ReportId, out var old)) _parts.Centroid?.Update(history.Vector(old), history.Labels(old), -1f);
        history.Upsert(record.ReportId, vector, labels);
        _parts.Centroid?.Update(vector, labels, 1f);
    }

    /// <summary>Reads a model directory's feedback records (empty when there is none).</summary>
    public static IReadOnlyList<FeedbackRecord> ReadFeedback(string directory) => ModelDirectory.ReadFeedback(directory);

    /// <summary>The JSON options of manifest.json and feedback.jsonl (snake_case, enums as strings).</summary>
    internal static JsonSerializerOptions Json { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>As <see cref="Json"/>, one record per line.</summary>
    internal static JsonSerializerOptions JsonLine { get; } = new(Json) { WriteIndented = false };

    /// <inheritdoc/>
    public void Dispose()
    {
        _owned?.Dispose();
        _lock.Dispose();
    }
}

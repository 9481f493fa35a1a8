using SosRap.Pipeline.Evaluation;
using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Suggestions;

/// <summary>
/// <c>manifest.json</c> of a model directory: what the model is, what it was trained on, its
/// settings, the learned ensemble weights and threshold, and its cross-validated quality.
/// </summary>
public sealed record SuggestionManifest
{
    /// <summary>The directory format this build writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Format version of the directory.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>Version of the sosrap build that wrote it.</summary>
    public string SosrapVersion { get; init; } = "";

    /// <summary>When it was written (UTC).</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>SHA-256 over the training rows as read (id, text, categories), hex.</summary>
    public string TrainingSha256 { get; init; } = "";

    /// <summary>Training rows (feedback included).</summary>
    public int TrainingRows { get; init; }

    /// <summary>Rows with at least one category.</summary>
    public int LabelledRows { get; init; }

    /// <summary>Feedback records folded into the training set.</summary>
    public int FeedbackRows { get; init; }

    /// <summary>Taxonomy version label.</summary>
    public string TaxonomyVersion { get; init; } = "";

    /// <summary>SHA-256 of the saved taxonomy.json, hex.</summary>
    public string TaxonomySha256 { get; init; } = "";

    /// <summary>How texts were analysed.</summary>
    public string Analyzer { get; init; } = "";

    /// <summary>Featurizer settings.</summary>
    public TfidfOptions Featurizer { get; init; } = new();

    /// <summary>The representation kNN searches.</summary>
    public string Embedder { get; init; } = "";

    /// <summary>kNN settings (tuned by cross-validation unless given).</summary>
    public KnnOptions? Knn { get; init; }

    /// <summary>Linear backend settings.</summary>
    public LinearOptions? Linear { get; init; }

    /// <summary>Centroid backend settings.</summary>
    public CentroidOptions? Centroid { get; init; }

    /// <summary>Backends of the ensemble, in stacker order.</summary>
    public IReadOnlyList<string> EnsembleMembers { get; init; } = [];

    /// <summary>Stacker weights (two per member: score, relative score).</summary>
    public IReadOnlyList<float> StackerWeights { get; init; } = [];

    /// <summary>Stacker intercept.</summary>
    public float StackerBias { get; init; }

    /// <summary>Isotonic calibration: block centres of the stacker's probability.</summary>
    public IReadOnlyList<float> CalibrationX { get; init; } = [];

    /// <summary>Isotonic calibration: observed precision per block.</summary>
    public IReadOnlyList<float> CalibrationY { get; init; } = [];

    /// <summary>Default threshold on the ensemble's calibrated score (chosen on out-of-fold data).</summary>
    public float Threshold { get; init; }

    /// <summary>
    /// Per-category thresholds chosen out of fold (best F1 of that category's yes/no decisions) for
    /// categories with at least <c>8</c> labelled reports; the others use <see cref="Threshold"/>.
    /// </summary>
    public IReadOnlyDictionary<string, float> CategoryThresholds { get; init; } = new Dictionary<string, float>();

    /// <summary>Cross-validation folds and seed.</summary>
    public int Folds { get; init; }

    /// <summary>Seed of the fold split and ML.NET.</summary>
    public int Seed { get; init; }

    /// <summary>Cross-validated metrics per backend (out-of-fold), <c>ensemble</c> included.</summary>
    public IReadOnlyDictionary<string, SuggestionScores> Metrics { get; init; } = new Dictionary<string, SuggestionScores>();

    /// <summary>Reliability of the ensemble's out-of-fold scores (top 5 per report).</summary>
    public IReadOnlyList<ReliabilityBin> Reliability { get; init; } = [];
}

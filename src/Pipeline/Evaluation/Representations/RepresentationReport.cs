namespace SosRap.Pipeline.Evaluation.Representations;

/// <summary>What the comparison measured for one representation.</summary>
/// <param name="Spec">The spec as given.</param>
/// <param name="Label">The file label (<c>&lt;label&gt;.suggestions.jsonl</c> …).</param>
/// <param name="Kind"><c>sparse</c> or <c>dense</c>.</param>
/// <param name="Dimension">Features (sparse) or embedding dimension (dense), as fitted on the training reports (or on the clustered ones when only clustering ran).</param>
/// <param name="FitSeconds">Wall time of fitting on the training reports.</param>
/// <param name="EncodeMillisecondsPerReport">Wall time per report of encoding the test reports (0 when none), analysis excluded.</param>
/// <param name="Test">Scores of the kNN suggestions for the test reports (null without test reports or gold labels).</param>
/// <param name="CrossValidation">Out-of-fold scores on the training reports (null without folds).</param>
/// <param name="Clustering">Scores of the k-means yardstick (null without clustered reports or gold themes).</param>
/// <param name="ClusterCount">k used for k-means.</param>
public sealed record RepresentationReport(
    string Spec,
    string Label,
    string Kind,
    int Dimension,
    double FitSeconds,
    double EncodeMillisecondsPerReport,
    SuggestionScores? Test,
    SuggestionScores? CrossValidation,
    ClusteringScores? Clustering,
    int? ClusterCount);

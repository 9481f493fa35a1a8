using SosRap.Pipeline.Evaluation;

namespace SosRap.Training;

/// <summary>One finished epoch.</summary>
/// <param name="Phase">"select" while early stopping chooses the epoch count, "refit" when training again on every report, "train" without a held-out split.</param>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Most epochs of this phase.</param>
/// <param name="Loss">Mean combined loss over the epoch's steps.</param>
/// <param name="SupervisedLoss">Mean BCE of the supervised objective.</param>
/// <param name="ContrastiveLoss">Mean InfoNCE of the self-supervised objective.</param>
/// <param name="Validation">Held-out kNN scores, when there is a held-out split.</param>
/// <param name="Improved">True when this epoch has the best held-out score so far.</param>
/// <param name="Elapsed">Time since training started.</param>
internal sealed record TrainingProgress(string Phase, int Epoch, int Epochs, double Loss, double SupervisedLoss, double ContrastiveLoss,
    SuggestionScores? Validation, bool Improved, TimeSpan Elapsed);

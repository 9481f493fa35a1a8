namespace SosRap.Pipeline.Suggestions;

/// <summary>Progress of <see cref="SuggestionModel.Train"/>: a stage name (Finnish, for display) and how far it is.</summary>
public sealed record TrainingProgress(string Stage, int Done, int Total);

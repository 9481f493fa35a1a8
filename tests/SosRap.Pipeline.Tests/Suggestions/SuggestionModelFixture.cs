using SosRap.Pipeline.Suggestions;

namespace SosRap.Pipeline.Tests.Suggestions;

/// <summary>One model trained on <see cref="SmallCorpus"/> (3 folds), shared by the tests that only read it.</summary>
public sealed class SuggestionModelFixture : IDisposable
{
    public SuggestionModel Model { get; } = SuggestionModel.Train(SmallCorpus.Reports, SmallCorpus.Taxonomy, new SuggestionTrainingOptions { Folds = 3, Seed = 1 });

    public void Dispose() => Model.Dispose();
}

using SosRap.Models;
using SosRap.Pipeline.Suggestions;

namespace SosRap.Pipeline.Tests.Suggestions;

public sealed class SmallDataAndConcurrencyTests
{
    [Fact]
    public void Too_few_labelled_reports_for_cross_validation_give_backends_without_an_ensemble()
    {
        var reports = SmallCorpus.Reports.Where((_, i) => i % 5 == 0).ToList(); // 4 reports, one per category
        using var model = SuggestionModel.Train(reports, SmallCorpus.Taxonomy, new SuggestionTrainingOptions { Folds = 3 }, null, TestContext.Current.CancellationToken);
        Assert.True(model.IsTrained);
        Assert.Throws<InputException>(() => model.Backend(SuggestionBackend.Ensemble));
        Assert.Equal("centroid", model.Backend(SuggestionBackend.Default).Name);
        Assert.Equal("asuminen", model.Suggest(SmallCorpus.HousingText, 2).Suggestions[0].Category);
        Assert.Empty(model.Manifest.Metrics);
    }

    [Fact]
    public void A_category_without_training_reports_can_still_be_suggested_from_its_taxonomy_text()
    {
        var taxonomy = new Taxonomy([.. SmallCorpus.Taxonomy.Categories,
            new Category("velat", "Velkaantuminen", "Pikavipit, ulosotto ja maksuhäiriömerkinnät, velkaneuvonta.", ["ulosotto", "pikavippi"])]);
        using var model = SuggestionModel.Train(SmallCorpus.Reports, taxonomy, new SuggestionTrainingOptions { Folds = 3 }, null, TestContext.Current.CancellationToken);
        var result = model.Suggest("Ulosotto vie palkan ja pikavippien korot kasvavat, velkaneuvontaan on jonoa.", 3, 0f, SuggestionBackend.ZeroShot);
        Assert.Equal("velat", result.Suggestions[0].Category);
        Assert.Contains(model.Suggest("Ulosotto vie palkan ja pikavippien korot kasvavat, velkaneuvontaan on jonoa.", 5, 0f).Suggestions,
            s => s.Category == "velat");
    }

    [Fact]
    public void Suggestions_and_feedback_may_run_at_the_same_time()
    {
        using var model = SuggestionModel.Train(SmallCorpus.Reports, SmallCorpus.Taxonomy, new SuggestionTrainingOptions { Folds = 3 }, null, TestContext.Current.CancellationToken);
        var texts = SmallCorpus.Reports.Select(r => r.Phenomenon).ToArray();
        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            if (i % 10 == 0) model.AddFeedback("N-" + i, texts[i % texts.Length], [SmallCorpus.Reports[i % texts.Length].Categories[0]], [], []);
            else Assert.NotEmpty(model.Suggest(texts[i % texts.Length], 3, 0f).Suggestions);
        });
        Assert.Equal(20 + 40, ((KnnSuggester)model.Backend(SuggestionBackend.Knn)).HistoryCount);
    }
}

using SosRap.Pipeline.Suggestions;

namespace SosRap.Pipeline.Tests.Suggestions;

public sealed class BackendTests(SuggestionModelFixture fixture) : IClassFixture<SuggestionModelFixture>
{
    private readonly SuggestionModel _model = fixture.Model;

    [Theory]
    [InlineData(SuggestionBackend.Knn)]
    [InlineData(SuggestionBackend.Linear)]
    [InlineData(SuggestionBackend.Centroid)]
    [InlineData(SuggestionBackend.ZeroShot)]
    [InlineData(SuggestionBackend.Ensemble)]
    public void Every_backend_puts_housing_first_for_a_housing_text(SuggestionBackend backend)
    {
        var result = _model.Suggest(SmallCorpus.HousingText, 4, 0f, backend);
        Assert.Equal("asuminen", result.Suggestions[0].Category);
        Assert.All(result.Suggestions, s => Assert.InRange(s.Score, 0f, 1f));
        Assert.True(result.Suggestions.Zip(result.Suggestions.Skip(1)).All(p => p.First.Score >= p.Second.Score), "best first");
    }

    [Theory]
    [InlineData("Linja-autovuoro lakkautettiin eikä kylältä pääse enää kaupunkiin.", "liikkuminen")]
    [InlineData("Kelan toimeentulotukipäätös viipyy ja asiakkaalla ei ole rahaa ruokaan.", "toimeentulo")]
    [InlineData("Lastensuojelun perhetyöhön on kuukausien jono.", "lapset_perheet")]
    public void The_ensemble_finds_the_category_of_unseen_texts(string text, string expected) =>
        Assert.Equal(expected, _model.Suggest(text, 3, 0f).Suggestions[0].Category);

    [Fact]
    public void Evidence_names_lemmas_of_the_text_and_earlier_reports_of_the_category()
    {
        var top = _model.Suggest(SmallCorpus.HousingText, 1, 0f).Suggestions[0];
        Assert.NotNull(top.Evidence);
        Assert.Contains(top.Evidence.Lemmas, l => l.StartsWith("vuokra", StringComparison.Ordinal) || l == "asunto");
        Assert.NotEmpty(top.Evidence.SimilarReportIds);
        var housingIds = SmallCorpus.Reports.Where(r => r.Categories.Contains("asuminen")).Select(r => r.Id).ToHashSet();
        Assert.All(top.Evidence.SimilarReportIds, id => Assert.Contains(id, housingIds));
    }

    [Fact]
    public void The_ensemble_combines_all_four_backends_with_weights_learned_out_of_fold()
    {
        var ensemble = Assert.IsType<EnsembleSuggester>(_model.Backend(SuggestionBackend.Ensemble));
        Assert.Equal(["knn", "linear", "centroid", "zeroshot"], ensemble.Members.Select(m => m.Name));
        var m = _model.Manifest;
        Assert.Equal(8, m.StackerWeights.Count);
        Assert.Contains(m.StackerWeights, w => Math.Abs(w) > 0.1f);
        // Out-of-fold metrics exist for every backend and the ensemble, and beat chance (1 in 4) even with 13 training reports per fold.
        foreach (var name in (string[])["knn", "linear", "centroid", "zeroshot", "ensemble"])
            Assert.True(m.Metrics[name].PrecisionAt1 > 0.35, $"{name} P@1 {m.Metrics[name].PrecisionAt1}");
        Assert.InRange(m.Threshold, 0.05f, 0.95f);
        Assert.Equal(SmallCorpus.Taxonomy.Categories.Select(c => c.Id).Order(), m.CategoryThresholds.Keys.Order());
        Assert.All(m.CategoryThresholds.Values, t => Assert.InRange(t, 0.05f, 0.95f));
        // With 5 reports per category none has the 8 needed for a threshold of its own.
        Assert.All(SmallCorpus.Taxonomy.Categories, c => Assert.Equal(m.Threshold, _model.ThresholdFor(c.Id)));
        Assert.Equal(20, m.TrainingRows);
        Assert.Equal(64, m.TrainingSha256.Length);
    }

    [Fact]
    public void Knn_is_tuned_by_cross_validation_within_the_grid()
    {
        var knn = Assert.IsType<KnnSuggester>(_model.Backend(SuggestionBackend.Knn));
        Assert.Contains(knn.Options.K, new[] { 3, 5, 10, 15, 20, 30 });
        Assert.Equal(20, knn.HistoryCount);
    }

    [Fact]
    public void Empty_text_is_a_clear_error()
    {
        var e = Assert.Throws<InputException>(() => _model.Suggest("  \n "));
        Assert.Contains("tyhjä", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_swedish_text_is_flagged_and_still_gets_suggestions()
    {
        var result = _model.Suggest("Det finns inte tillräckligt med hyresbostäder och många unga har svårt att betala hyran för sin bostad.", 3, 0f);
        Assert.Equal("sv", result.Language);
        Assert.Contains(result.Warnings, w => w.Contains("'sv'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_english_text_is_flagged()
    {
        var result = _model.Suggest("The bus line to the village was cut and the elderly cannot reach the health centre because there is no transport.", 3, 0f);
        Assert.Equal("en", result.Language);
        Assert.Contains(result.Warnings, w => w.Contains("'en'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_finnish_text_is_not_flagged() =>
        Assert.Equal("fi", _model.Suggest(SmallCorpus.HousingText).Language);

    [Fact]
    public void A_megabyte_of_text_is_cut_with_a_warning_and_still_answered()
    {
        var sb = new System.Text.StringBuilder();
        while (sb.Length < 1_000_000) sb.Append(SmallCorpus.HousingText).Append(' ');
        var result = _model.Suggest(sb.ToString(), 3, 0f);
        Assert.Contains(result.Warnings, w => w.Contains("katkaistiin", StringComparison.Ordinal));
        Assert.Equal("asuminen", result.Suggestions[0].Category);
    }

    [Fact]
    public void A_text_without_known_words_gets_no_suggestions_and_says_why()
    {
        var result = _model.Suggest("1234 5678 !!!", 3, 0f);
        Assert.Empty(result.Suggestions);
        Assert.Contains(result.Warnings, w => w.Contains("tuntemaa", StringComparison.Ordinal));
    }
}

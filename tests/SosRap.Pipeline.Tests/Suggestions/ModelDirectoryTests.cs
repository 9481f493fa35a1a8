using System.Text.Json.Nodes;
using SosRap.Models;
using SosRap.Pipeline.Suggestions;

namespace SosRap.Pipeline.Tests.Suggestions;

public sealed class ModelDirectoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sosrap-sug-" + Guid.NewGuid().ToString("N"));

    public ModelDirectoryTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<string> TrainAndSaveAsync(string name = "model")
    {
        var dir = Path.Combine(_root, name);
        using var model = SuggestionModel.Train(SmallCorpus.Reports, SmallCorpus.Taxonomy, new SuggestionTrainingOptions { Folds = 3 }, null, TestContext.Current.CancellationToken);
        await model.SaveAsync(dir, TestContext.Current.CancellationToken);
        return dir;
    }

    [Fact]
    public async Task A_saved_model_loads_and_gives_the_same_suggestions()
    {
        var dir = Path.Combine(_root, "m");
        using var trained = SuggestionModel.Train(SmallCorpus.Reports, SmallCorpus.Taxonomy, new SuggestionTrainingOptions { Folds = 3 }, null, TestContext.Current.CancellationToken);
        await trained.SaveAsync(dir, TestContext.Current.CancellationToken);
        Assert.Equal(["backends.bin", "featurizer.bin", "manifest.json", "taxonomy.json"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
        Assert.DoesNotContain(Directory.GetDirectories(_root), d => Path.GetFileName(d).StartsWith('.'));
        using var loaded = SuggestionModel.Load(dir);
        foreach (var backend in Enum.GetValues<SuggestionBackend>())
        {
            var a = trained.Suggest(SmallCorpus.HousingText, 4, 0f, backend).Suggestions;
            var b = loaded.Suggest(SmallCorpus.HousingText, 4, 0f, backend).Suggestions;
            Assert.Equal(a.Select(s => (s.Category, s.Score)), b.Select(s => (s.Category, s.Score)));
        }

        Assert.Equal(trained.Manifest.Threshold, loaded.Manifest.Threshold);
        Assert.Equal(trained.Manifest.Metrics["ensemble"], loaded.Manifest.Metrics["ensemble"]);
        Assert.Equal(SmallCorpus.Taxonomy.Categories.Select(c => c.Id), loaded.Taxonomy.Categories.Select(c => c.Id));
    }

    [Fact]
    public async Task Saving_over_an_existing_model_replaces_it_and_keeps_its_feedback()
    {
        var dir = await TrainAndSaveAsync();
        File.WriteAllText(Path.Combine(dir, "feedback.jsonl"), "");
        await TrainAndSaveAsync();
        Assert.True(File.Exists(Path.Combine(dir, "feedback.jsonl")));
        Assert.Single(Directory.GetDirectories(_root));
    }

    [Fact]
    public async Task A_model_of_another_format_version_fails_naming_both_versions()
    {
        var dir = await TrainAndSaveAsync();
        var path = Path.Combine(dir, "manifest.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["format_version"] = 99;
        File.WriteAllText(path, json.ToJsonString());
        var e = Assert.Throws<InputException>(() => SuggestionModel.Load(dir));
        Assert.Contains("99", e.Message, StringComparison.Ordinal);
        Assert.Contains($"muotoversiota {SuggestionManifest.CurrentFormatVersion}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("backends.bin")]
    [InlineData("featurizer.bin")]
    [InlineData("taxonomy.json")]
    [InlineData("manifest.json")]
    public async Task A_missing_file_is_named(string file)
    {
        var dir = await TrainAndSaveAsync();
        File.Delete(Path.Combine(dir, file));
        var e = Assert.Throws<InputException>(() => SuggestionModel.Load(dir));
        Assert.Contains(file, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_backends_file_is_a_clear_error()
    {
        var dir = await TrainAndSaveAsync();
        var path = Path.Combine(dir, "backends.bin");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<InputException>(() => SuggestionModel.Load(dir));
        Assert.Contains("vioittunut", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_changes_knn_at_once_is_appended_and_is_replayed_on_load()
    {
        var dir = await TrainAndSaveAsync();
        // A text about remote villages' broadband: nothing in the corpus carries it as housing.
        const string text = "Valokuituyhteys puuttuu syrjäkylien taloista ja etäasiointi ei onnistu.";
        using (var model = SuggestionModel.Load(dir))
        {
            var before = model.Suggest(text, 4, 0f, SuggestionBackend.Knn).Suggestions;
            Assert.DoesNotContain(before, s => s.Category == "lapset_perheet" && s.Evidence!.SimilarReportIds.Contains("F-1"));
            model.AddFeedback("F-1", text, [], [], ["lapset_perheet"]);
            var after = model.Suggest(text, 4, 0f, SuggestionBackend.Knn).Suggestions;
            Assert.Equal("lapset_perheet", after[0].Category);
            Assert.Equal("F-1", after[0].Evidence!.SimilarReportIds[0]);
        }

        var lines = File.ReadAllLines(Path.Combine(dir, "feedback.jsonl"));
        Assert.Single(lines);
        Assert.Contains("\"report_id\":\"F-1\"", lines[0], StringComparison.Ordinal);
        using (var reloaded = SuggestionModel.Load(dir))
            Assert.Equal("lapset_perheet", reloaded.Suggest(text, 1, 0f, SuggestionBackend.Knn).Suggestions[0].Category);

        // Retraining folds the feedback into the training set.
        var feedback = SuggestionModel.ReadFeedback(dir);
        using var retrained = SuggestionModel.Train(SmallCorpus.Reports, SmallCorpus.Taxonomy, new SuggestionTrainingOptions { Folds = 3, Feedback = feedback }, null, TestContext.Current.CancellationToken);
        Assert.Equal(1, retrained.Manifest.FeedbackRows);
        Assert.Equal(21, retrained.Manifest.TrainingRows);
    }

    [Fact]
    public async Task Feedback_with_an_unknown_category_is_rejected()
    {
        var dir = await TrainAndSaveAsync();
        using var model = SuggestionModel.Load(dir);
        var e = Assert.Throws<InputException>(() => model.AddFeedback("F-2", SmallCorpus.HousingText, ["asuminen"], [], ["avaruus"]));
        Assert.Contains("avaruus", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "feedback.jsonl")));
    }

    [Fact]
    public void A_training_category_missing_from_the_taxonomy_names_row_and_id()
    {
        var reports = SmallCorpus.Reports.ToList();
        reports[3] = reports[3] with { Categories = ["avaruus"] };
        var e = Assert.Throws<InputException>(() => SuggestionModel.Train(reports, SmallCorpus.Taxonomy, new SuggestionTrainingOptions { Folds = 3 }, null, TestContext.Current.CancellationToken));
        Assert.Equal(4, e.Row);
        Assert.Contains("avaruus", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_taxonomy_alone_gives_zero_shot_suggestions()
    {
        using var model = SuggestionModel.ZeroShot(SmallCorpus.Taxonomy, SmallCorpus.Reports.Select(r => r.Phenomenon).ToList(), null, TestContext.Current.CancellationToken);
        Assert.False(model.IsTrained);
        var result = model.Suggest(SmallCorpus.HousingText, 2);
        Assert.Equal("asuminen", result.Suggestions[0].Category);
        Assert.Equal("zeroshot", model.Backend(SuggestionBackend.Default).Name);
        Assert.Throws<InputException>(() => model.Backend(SuggestionBackend.Knn));
    }

    [Fact]
    public void A_taxonomy_with_duplicate_ids_is_rejected()
    {
        var json = """[{"id":"a","name":"A","description":"x"},{"id":"a","name":"B","description":"y"}]"""u8.ToArray();
        var e = Assert.Throws<InputException>(() => SosRap.Pipeline.IO.TaxonomyJson.Parse(json, "t.json"));
        Assert.Contains("'a'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new Taxonomy([new Category("a", "A", "", []), new Category("a", "B", "", [])]));
    }
}

using SosRap.Pipeline.Features;
using SosRap.Pipeline.Suggestions;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Tests.Suggestions;

public sealed class SuggesterBaseTests
{
    // Fixed scores: the template's ranking, limit and thresholds are what is tested here.
    private sealed class Fixed(float[] scores) : SuggesterBase("fixed", ["a", "b", "c", "d"])
    {
        public override void Score(SuggestionInput input, Span<float> into) => scores.CopyTo(into);
    }

    private static readonly SuggestionInput Input = new(AnalyzedText.Empty, SparseVector.Empty);

    [Fact]
    public void Suggestions_are_ranked_best_first_with_ties_in_taxonomy_order_and_zero_scores_left_out()
    {
        var s = new Fixed([0.2f, 0.7f, 0.2f, 0f]).Suggest(Input, new SuggestOptions { Limit = 10 });
        Assert.Equal(["b", "a", "c"], s.Select(x => x.Category));
    }

    [Fact]
    public void One_threshold_ends_the_list_and_per_category_thresholds_skip_only_their_category()
    {
        var backend = new Fixed([0.5f, 0.9f, 0.4f, 0.1f]);
        Assert.Equal(["b", "a"], backend.Suggest(Input, new SuggestOptions { Threshold = 0.45f }).Select(x => x.Category));
        // a needs 0.6 (has 0.5): skipped; c needs 0.3 (has 0.4): kept although it ranks below a.
        var perCategory = new SuggestOptions { CategoryThresholds = [0.6f, 0.5f, 0.3f, 0.5f] };
        Assert.Equal(["b", "c"], backend.Suggest(Input, perCategory).Select(x => x.Category));
        Assert.Equal(["b"], backend.Suggest(Input, perCategory with { Limit = 1 }).Select(x => x.Category));
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        var backend = new Fixed([0.5f, 0.9f, 0.4f, 0.1f]);
        Assert.Throws<ArgumentOutOfRangeException>(() => backend.Suggest(Input, new SuggestOptions { Limit = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => backend.Suggest(Input, new SuggestOptions { Threshold = 1.5f }));
        Assert.Throws<ArgumentException>(() => backend.Suggest(Input, new SuggestOptions { CategoryThresholds = [0.1f] }));
    }
}

using SosRap.Pipeline.Evaluation;

namespace SosRap.Pipeline.Tests.Evaluation;

public sealed class ScoresTests
{
    [Fact]
    public void Suggestion_scores_match_a_hand_computed_example()
    {
        var gold = new Dictionary<string, IReadOnlyList<string>> { ["a"] = ["x", "y"], ["b"] = ["z"], ["c"] = ["x"] };
        var predicted = new Dictionary<string, IReadOnlyList<string>> { ["a"] = ["y", "q", "x"], ["b"] = ["q", "r", "s", "t", "z"] };
        var s = SuggestionScores.Compute(gold, predicted);
        // a: tp 2 → P 2/3, R 1, F1 0.8, NDCG (1 + 1/log2 4) / (1 + 1/log2 3) = 1.5 / 1.630930 = 0.919721
        // b: tp 0 in top 3 → F1 0; NDCG 1/log2 6 = 0.386853. c: no prediction → all 0.
        Assert.Equal(3, s.Reports);
        Assert.Equal(1.0 / 3, s.PrecisionAt1, 10);
        Assert.Equal(0.8 / 3, s.F1AtK, 10);
        Assert.Equal((0.919721 + 0.386853) / 3, s.NdcgAt5, 5);
        Assert.Equal(1.0 / 3, s.HitAtK, 10);
        Assert.Equal(1.0 / 3, s.RecallAtK, 10);
    }

    [Fact]
    public void Clustering_scores_match_hand_computed_values()
    {
        var themes = new Dictionary<string, string> { ["1"] = "a", ["2"] = "a", ["3"] = "b", ["4"] = "b" };
        var perfect = ClusteringScores.Compute(themes, new Dictionary<string, string> { ["1"] = "7", ["2"] = "7", ["3"] = "8", ["4"] = "8" });
        Assert.Equal(1, perfect.Nmi, 10);
        Assert.Equal(1, perfect.Ari, 10);
        Assert.Equal(1, perfect.Purity, 10);

        // One cluster of 1,2,3 and an outlier 4: MI = 0.5·ln(4/3) + 0.25·ln(2/3) + 0.25·ln 2 = 0.215762;
        // H(themes) = ln 2, H(clusters) = 0.562335 → NMI = 0.215762 / 0.627742 = 0.343711.
        // Pairs: joint 1, themes 2, clusters 3, expected 2·3/6 = 1 → ARI (1 − 1)/(2.5 − 1) = 0.
        var s = ClusteringScores.Compute(themes, new Dictionary<string, string> { ["1"] = "0", ["2"] = "0", ["3"] = "0", ["4"] = "-1" });
        Assert.Equal(0.343711, s.Nmi, 5);
        Assert.Equal(0, s.Ari, 10);
        Assert.Equal(0.5, s.Purity, 10);
        Assert.Equal(1, s.Clusters);
        Assert.Equal(0.25, s.OutlierShare, 10);
        Assert.Throws<ArgumentException>(() => ClusteringScores.Compute(themes, new Dictionary<string, string> { ["1"] = "0" }));
    }
}

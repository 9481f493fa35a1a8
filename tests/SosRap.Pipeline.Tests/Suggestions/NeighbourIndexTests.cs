using SosRap.Pipeline.Features;
using SosRap.Pipeline.Suggestions;

namespace SosRap.Pipeline.Tests.Suggestions;

public sealed class NeighbourIndexTests
{
    private static SparseVector V(params (int I, float V)[] entries)
    {
        var norm = MathF.Sqrt(entries.Sum(e => e.V * e.V));
        return new SparseVector(entries.Select(e => e.I).ToArray(), entries.Select(e => e.V / norm).ToArray());
    }

    [Fact]
    public void Search_returns_exact_cosines_best_first_and_upsert_replaces()
    {
        var index = new NeighbourIndex();
        index.Upsert("a", V((0, 1f)), [0]);
        index.Upsert("b", V((0, 1f), (1, 1f)), [1]);
        index.Upsert("c", V((2, 1f)), [2]);
        var hits = index.Search(V((0, 1f)), 5);
        Assert.Equal(["a", "b"], hits.Select(h => index.Id(h.Doc)));
        Assert.Equal(1f, hits[0].Similarity, 5);
        Assert.Equal(1f / MathF.Sqrt(2f), hits[1].Similarity, 5);

        index.Upsert("a", V((2, 1f)), [2]);
        Assert.Equal(3, index.Count);
        Assert.Equal(["b"], index.Search(V((0, 1f)), 5).Select(h => index.Id(h.Doc)));
        Assert.Equal(["c", "a"], index.Search(V((2, 1f)), 5).Select(h => index.Id(h.Doc)));
    }

    [Fact]
    public void Knn_votes_are_shares_of_the_neighbours_similarity_weight()
    {
        var index = new NeighbourIndex();
        index.Upsert("a", V((0, 1f)), [0]);
        index.Upsert("b", V((0, 1f), (1, 1f)), [1]);
        var scores = new float[2];
        // Similarities 1 and 1/√2; with power 2 the weights are 1 and 0.5 → shares 2/3 and 1/3.
        KnnSuggester.Vote(index.Search(V((0, 1f)), 2), index, 2f, scores);
        Assert.Equal(2f / 3, scores[0], 5);
        Assert.Equal(1f / 3, scores[1], 5);
    }
}

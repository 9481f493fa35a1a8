using SosRap.Models;
using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Suggestions;

/// <summary>
/// k nearest neighbours: the most similar earlier labelled reports (tf-idf cosine) vote for their
/// categories with similarity^p; the votes are divided by the total weight, so a score is the
/// weighted share of neighbours carrying the category, in [0, 1]. Evidence: the ids of the most
/// similar neighbours that carry the category.
/// </summary>
public sealed class KnnSuggester : SuggesterBase
{
    private readonly NeighbourIndex _index;

    internal KnnSuggester(IReadOnlyList<string> categories, NeighbourIndex index, KnnOptions options)
        : base("knn", categories)
    {
        _index = index;
        Options = options.Validate();
    }

    internal NeighbourIndex History => _index;

    /// <summary>The options in effect.</summary>
    public KnnOptions Options { get; }

    /// <summary>Live labelled reports in the history.</summary>
    public int HistoryCount => _index.Count;

    /// <inheritdoc/>
    public override void Score(SuggestionInput input, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(input);
        scores.Clear();
        var hits = _index.Search(input.Features, Options.K);
        Vote(hits, _index, Options.Power, scores);
    }

    internal static void Vote(List<(int Doc, float Similarity)> hits, NeighbourIndex index, float power, Span<float> scores)
    {
        var total = 0f;
        foreach (var (doc, sim) in hits)
        {
            var w = MathF.Pow(sim, power);
            total += w;
            foreach (var c in index.Labels(doc)) scores[c] += w;
        }

        if (total > 0f)
            for (var c = 0; c < scores.Length; c++) scores[c] /= total;
    }

    /// <summary>The most similar earlier reports carrying category <paramref name="category"/> (index), most similar first.</summary>
    public IReadOnlyList<string> SimilarReports(SparseVector features, int category, int count)
    {
        var ids = new List<string>(count);
        foreach (var (doc, _) in _index.Search(features, Math.Max(Options.K, 30)))
        {
            if (Array.IndexOf(_index.Labels(doc), category) < 0) continue;
            ids.Add(_index.Id(doc));
            if (ids.Count == count) break;
        }

        return ids;
    }

    /// <inheritdoc/>
    public override SuggestionEvidence? Evidence(SuggestionInput input, int category) =>
        new([], SimilarReports(input.Features, category, 3));
}

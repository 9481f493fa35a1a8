using SosRap.Models;

namespace SosRap.Pipeline.Suggestions;

/// <summary>
/// k nearest neighbours: the most similar earlier labelled reports (tf-idf cosine) vote for their
/// categories with similarity^p; the votes are divided by the total weight, so a score is the
/// weighted share of neighbours carrying the category, in [0, 1]. Evidence: the ids of the most
/// similar neighbours that carry the category.
/// </summary>
public sealed class KnnSuggester : SuggesterBase
{
    private const int EvidencePool = 30;
    private readonly NeighbourIndex _index;

    // One search per text: scoring and the evidence of every suggested category share the hits.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SuggestionInput, List<(int Doc, float Similarity)>> _hits = [];

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
        var hits = Hits(input);
        Vote(hits.Count > Options.K ? hits.GetRange(0, Options.K) : hits, _index, Options.Power, scores);
    }

    private List<(int Doc, float Similarity)> Hits(SuggestionInput input) =>
        _hits.GetValue(input, i => _index.Search(i.Features, Math.Max(Options.K, EvidencePool)));

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
    public IReadOnlyList<string> SimilarReports(SuggestionInput input, int category, int count)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ids = new List<string>(count);
        foreach (var (doc, _) in Hits(input))
        {
            if (Array.IndexOf(_index.Labels(doc), category) < 0) continue;
            ids.Add(_index.Id(doc));
            if (ids.Count == count) break;
        }

        return ids;
    }

    /// <inheritdoc/>
    public override SuggestionEvidence? Evidence(SuggestionInput input, int category) =>
        new([], SimilarReports(input, category, 3));
}

using SosRap.Models;
using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Suggestions;

/// <summary>
/// Class centroids (Rocchio): the score of a category is the cosine between the text and the
/// normalised sum of the tf-idf vectors of its reports, to which the category's own taxonomy text
/// (name, description, terms) is added as <see cref="CentroidOptions.TaxonomyWeight"/> pseudo-reports.
/// The sums are kept, so a confirmed report updates its categories' centroids at once.
/// Evidence: the lemmas of the text that contribute most to the cosine.
/// </summary>
public sealed class CentroidSuggester : SuggesterBase
{
    private readonly TfidfModel _model;
    private readonly float[][] _sums;
    private readonly float[][] _unit;

    internal CentroidSuggester(IReadOnlyList<string> categories, TfidfModel model, float[][] sums)
        : base("centroid", categories)
    {
        _model = model;
        _sums = sums;
        _unit = new float[sums.Length][];
        for (var c = 0; c < sums.Length; c++) _unit[c] = Normalise(sums[c]);
    }

    internal float[][] Sums => _sums;

    /// <summary>Builds the centroids from labelled vectors and the taxonomy vectors.</summary>
    internal static CentroidSuggester Fit(IReadOnlyList<string> categories, TfidfModel model, IReadOnlyList<SparseVector> vectors,
        IReadOnlyList<int[]> labels, IReadOnlyList<SparseVector> taxonomyVectors, CentroidOptions options)
    {
        options.Validate();
        var sums = new float[categories.Count][];
        for (var c = 0; c < sums.Length; c++)
        {
            sums[c] = new float[model.FeatureCount];
            Add(sums[c], taxonomyVectors[c], options.TaxonomyWeight);
        }

        for (var i = 0; i < vectors.Count; i++)
            foreach (var c in labels[i]) Add(sums[c], vectors[i], 1f);
        return new CentroidSuggester(categories, model, sums);
    }

    /// <summary>Adds (<paramref name="sign"/> = 1) or removes (−1) one report's vector from its categories' centroids.</summary>
    internal void Update(SparseVector vector, int[] labels, float sign)
    {
        foreach (var c in labels)
        {
            Add(_sums[c], vector, sign);
            _unit[c] = Normalise(_sums[c]);
        }
    }

    private static void Add(float[] sum, SparseVector v, float weight)
    {
        var idx = v.Indices;
        var val = v.Values;
        for (var i = 0; i < idx.Length; i++) sum[idx[i]] += weight * val[i];
    }

    private static float[] Normalise(float[] sum)
    {
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(sum);
        var unit = new float[sum.Length];
        if (norm > 0f) System.Numerics.Tensors.TensorPrimitives.Divide(sum, norm, unit);
        return unit;
    }

    /// <inheritdoc/>
    public override void Score(SuggestionInput input, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(input);
        for (var c = 0; c < _unit.Length; c++) scores[c] = Math.Max(0f, input.Features.Dot(_unit[c]));
    }

    /// <inheritdoc/>
    public override SuggestionEvidence? Evidence(SuggestionInput input, int category) =>
        new(Ranking.TopTerms(_model, input.Features, _unit[category], 5), []);
}

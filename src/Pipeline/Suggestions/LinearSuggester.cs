using SosRap.Models;
using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Suggestions;

/// <summary>
/// One linear binary model per category over the sparse lemma features, trained with ML.NET
/// (<see cref="LinearTrainer"/>) and applied in plain C#: score = σ(w·x + b). Evidence: the lemmas
/// of the text with the largest positive contribution w_j·x_j.
/// </summary>
public sealed class LinearSuggester : SuggesterBase
{
    private readonly TfidfModel _model;
    private readonly float[][] _weights;
    private readonly float[] _bias;

    internal LinearSuggester(IReadOnlyList<string> categories, TfidfModel model, float[][] weights, float[] bias)
        : base("linear", categories)
    {
        _model = model;
        _weights = weights;
        _bias = bias;
    }

    internal float[][] Weights => _weights;

    internal float[] Bias => _bias;

    /// <inheritdoc/>
    public override void Score(SuggestionInput input, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(input);
        for (var c = 0; c < _weights.Length; c++)
        {
            var margin = _weights[c].Length == 0 ? -10f : input.Features.Dot(_weights[c]) + _bias[c];
            scores[c] = 1f / (1f + MathF.Exp(-margin));
        }
    }

    /// <inheritdoc/>
    public override SuggestionEvidence? Evidence(SuggestionInput input, int category) =>
        new(Ranking.TopTerms(_model, input.Features, _weights[category], 5), []);
}

using SosRap.Models;

namespace SosRap.Pipeline.Suggestions;

/// <summary>
/// The ensemble is itself a backend (as in Annif): it asks each member for its scores and combines
/// them with a <see cref="Stacker"/> learned on out-of-fold scores, then maps the result through an
/// isotonic calibration fitted on out-of-fold data, so its score is a calibrated probability that the
/// category is right. Evidence: lemmas from the centroid (or linear, or
/// zero-shot) member and similar reports from the kNN member.
/// </summary>
public sealed class EnsembleSuggester : SuggesterBase
{
    private readonly ISuggester[] _members;
    private readonly Stacker _stacker;
    private readonly IsotonicCalibration _calibration;

    internal EnsembleSuggester(IReadOnlyList<string> categories, IReadOnlyList<ISuggester> members, Stacker stacker, IsotonicCalibration calibration)
        : base("ensemble", categories)
    {
        if (stacker.Weights.Length != Stacker.FeaturesPerBackend * members.Count)
            throw new ArgumentException($"The stacker has {stacker.Weights.Length} weights for {members.Count} backends.", nameof(stacker));
        _members = [.. members];
        _stacker = stacker;
        _calibration = calibration;
    }

    /// <summary>The combined backends, in the order of the stacker's weights.</summary>
    public IReadOnlyList<ISuggester> Members => _members;

    /// <summary>The learned weights per backend: (score weight, relative-score weight).</summary>
    public IReadOnlyDictionary<string, (float Score, float Relative)> BackendWeights =>
        _members.Select((m, b) => (m.Name, W: (_stacker.Weights[2 * b], _stacker.Weights[2 * b + 1]))).ToDictionary(t => t.Name, t => t.W);

    /// <inheritdoc/>
    public override void Score(SuggestionInput input, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = Categories.Count;
        var rows = new float[_members.Length][];
        for (var b = 0; b < _members.Length; b++)
        {
            rows[b] = new float[c];
            _members[b].Score(input, rows[b]);
        }

        var features = new float[c][];
        for (var k = 0; k < c; k++) features[k] = new float[_stacker.Weights.Length];
        Stacker.Features(rows, c, features);
        for (var k = 0; k < c; k++) scores[k] = _calibration.Apply(_stacker.Probability(features[k]));
    }

    /// <inheritdoc/>
    public override SuggestionEvidence? Evidence(SuggestionInput input, int category)
    {
        IReadOnlyList<string> lemmas = [];
        IReadOnlyList<string> similar = [];
        foreach (var name in (string[])["centroid", "linear", "zeroshot"])
        {
            var m = Array.Find(_members, x => x.Name == name) as SuggesterBase;
            if (m?.Evidence(input, category) is { Lemmas.Count: > 0 } e)
            {
                lemmas = e.Lemmas;
                break;
            }
        }

        if (Array.Find(_members, x => x is KnnSuggester) is KnnSuggester knn)
            similar = knn.SimilarReports(input, category, 3);
        return new SuggestionEvidence(lemmas, similar);
    }
}

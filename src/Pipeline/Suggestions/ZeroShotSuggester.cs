using SosRap.Models;
using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Suggestions;

/// <summary>
/// Zero-shot from the taxonomy: the cosine between the text and each category's own text (name,
/// description and terms, lemmatised by the same analyser, compound parts included). Needs no
/// labelled reports, so a region that has just adopted a taxonomy gets proposals from day one.
/// Evidence: the lemmas the text shares with the category description.
/// </summary>
public sealed class ZeroShotSuggester : SuggesterBase
{
    private readonly TfidfModel _model;
    private readonly SparseVector[] _categoryVectors;

    internal ZeroShotSuggester(IReadOnlyList<string> categories, TfidfModel model, SparseVector[] categoryVectors)
        : base("zeroshot", categories)
    {
        _model = model;
        _categoryVectors = categoryVectors;
    }

    internal IReadOnlyList<SparseVector> CategoryVectors => _categoryVectors;

    /// <summary>The text of a category that zero-shot reads: name, description and terms.</summary>
    public static string TextOf(Category category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return category.Name + ". " + category.Description + (category.Terms.Count > 0 ? ". " + string.Join(", ", category.Terms) : "");
    }

    /// <inheritdoc/>
    public override void Score(SuggestionInput input, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(input);
        for (var c = 0; c < _categoryVectors.Length; c++) scores[c] = Math.Max(0f, input.Features.Dot(_categoryVectors[c]));
    }

    /// <inheritdoc/>
    public override SuggestionEvidence? Evidence(SuggestionInput input, int category) =>
        new(_model.SharedTerms(input.Features, _categoryVectors[category], 5).Select(t => t.Term).ToList(), []);
}

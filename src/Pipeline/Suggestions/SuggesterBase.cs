using SosRap.Models;

namespace SosRap.Pipeline.Suggestions;

/// <summary>
/// Template for backends (the shape of Annif's <c>AnalyzerBackend</c>): the public
/// <see cref="Suggest"/> validates the options, asks the backend for its scores and ranks them;
/// the default <see cref="SuggestBatch"/> loops over <see cref="Suggest"/>. A backend implements
/// <see cref="Score"/> and, when it can say why, <see cref="Evidence"/>.
/// </summary>
public abstract class SuggesterBase : ISuggester
{
    /// <summary>Creates a backend named <paramref name="name"/> over <paramref name="categories"/>.</summary>
    protected SuggesterBase(string name, IReadOnlyList<string> categories)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(categories);
        if (categories.Count == 0) throw new ArgumentException("A suggester needs at least one category.", nameof(categories));
        Name = name;
        Categories = categories;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Categories { get; }

    /// <inheritdoc/>
    public abstract void Score(SuggestionInput input, Span<float> scores);

    /// <inheritdoc/>
    public IReadOnlyList<CategorySuggestion> Suggest(SuggestionInput input, SuggestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var o = (options ?? SuggestOptions.Default).Validate();
        var scores = new float[Categories.Count];
        Score(input, scores);
        var order = Ranking.Order(scores);
        var result = new List<CategorySuggestion>(Math.Min(o.Limit, order.Length));
        if (o.CategoryThresholds is { } ct && ct.Count != Categories.Count)
            throw new ArgumentException($"{ct.Count} category thresholds for {Categories.Count} categories.", nameof(options));
        foreach (var c in order)
        {
            if (result.Count == o.Limit || !(scores[c] > 0f)) break;
            if (scores[c] < (o.CategoryThresholds?[c] ?? o.Threshold))
            {
                // One threshold ends the ranking; per-category thresholds only skip this category.
                if (o.CategoryThresholds is null) break;
                continue;
            }

            result.Add(new CategorySuggestion(Categories[c], Math.Clamp(scores[c], 0f, 1f), o.IncludeEvidence ? Evidence(input, c) : null));
        }

        return result;
    }

    /// <inheritdoc/>
    public virtual IReadOnlyList<IReadOnlyList<CategorySuggestion>> SuggestBatch(IReadOnlyList<SuggestionInput> inputs, SuggestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var result = new IReadOnlyList<CategorySuggestion>[inputs.Count];
        for (var i = 0; i < inputs.Count; i++) result[i] = Suggest(inputs[i], options);
        return result;
    }

    /// <summary>Why category <paramref name="category"/> (an index into <see cref="Categories"/>) was proposed; null when the backend cannot say.</summary>
    public virtual SuggestionEvidence? Evidence(SuggestionInput input, int category) => null;
}

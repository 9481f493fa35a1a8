using SosRap.Models;

namespace SosRap.Pipeline.Suggestions;

/// <summary>
/// A category suggestion backend (kNN, linear, centroid, zero-shot, ensemble). Each backend scores
/// every category of one taxonomy for a prepared text; <see cref="Suggest"/> turns the scores into
/// a ranked, thresholded list with evidence. Implementations are immutable after construction and
/// safe for concurrent readers (the kNN history changes only under the model's write lock).
/// </summary>
public interface ISuggester
{
    /// <summary>Short backend name as the CLI spells it (<c>knn</c>, <c>linear</c>, …).</summary>
    string Name { get; }

    /// <summary>The category ids, in the order of <see cref="Score"/>'s output.</summary>
    IReadOnlyList<string> Categories { get; }

    /// <summary>Writes one score per category into <paramref name="scores"/> (length <see cref="Categories"/>); higher is more likely.</summary>
    void Score(SuggestionInput input, Span<float> scores);

    /// <summary>The best categories for one text, best first, with evidence when <see cref="SuggestOptions.IncludeEvidence"/>.</summary>
    IReadOnlyList<CategorySuggestion> Suggest(SuggestionInput input, SuggestOptions? options = null);

    /// <summary>Suggestions for many texts, in input order.</summary>
    IReadOnlyList<IReadOnlyList<CategorySuggestion>> SuggestBatch(IReadOnlyList<SuggestionInput> inputs, SuggestOptions? options = null);
}

using SosRap.Models;

namespace SosRap.Pipeline.Suggestions;

/// <summary>What <see cref="SuggestionModel.Suggest"/> returns for one text.</summary>
/// <param name="Suggestions">Categories best first, with calibrated scores and evidence.</param>
/// <param name="Language">Guessed language of the text (<c>fi</c>, <c>sv</c>, <c>en</c>, <c>und</c>).</param>
/// <param name="Warnings">Finnish notes for the reviewer (text truncated, other language, no known words).</param>
public sealed record SuggestionResult(IReadOnlyList<CategorySuggestion> Suggestions, string Language, IReadOnlyList<string> Warnings);

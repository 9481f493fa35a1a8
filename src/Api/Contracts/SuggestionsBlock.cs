namespace SosRap.Api.Contracts;

/// <summary>
/// Category suggestions. <see cref="Status"/> is <c>ok</c> with items, or <c>unavailable</c> when no
/// suggestion model is in use (then <see cref="Items"/> is empty and <see cref="Reason"/> says why).
/// </summary>
public sealed record SuggestionsBlock(string Status, string? ModelVersion, IReadOnlyList<SuggestionItem> Items, string? Reason = null);

namespace SosRap.Api.Contracts;

/// <summary>The answer of <c>POST /api/suggest</c>.</summary>
public sealed record SuggestResponse(string ModelVersion, IReadOnlyList<SuggestionItem> Suggestions, RedactionSummary Redaction);

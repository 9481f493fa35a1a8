namespace SosRap.Models;

/// <summary>The predictions record of <c>sosrap suggest</c>: a report id and its suggestions, best first.</summary>
public sealed record ReportSuggestions(string Id, IReadOnlyList<CategorySuggestion> Suggestions);

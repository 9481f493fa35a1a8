namespace SosRap.Api.Contracts;

/// <summary>One suggested category with its score in [0, 1], the reviewer's decision so far, and why it was suggested.</summary>
public sealed record SuggestionItem(string Category, string? Name, double Score, string? Decision, EvidenceItem? Evidence);

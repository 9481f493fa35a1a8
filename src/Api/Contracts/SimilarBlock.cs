namespace SosRap.Api.Contracts;

/// <summary>Similar earlier reports; <see cref="Status"/> as in <see cref="SuggestionsBlock"/>.</summary>
public sealed record SimilarBlock(string Status, IReadOnlyList<SimilarItem> Items, string? Reason = null);

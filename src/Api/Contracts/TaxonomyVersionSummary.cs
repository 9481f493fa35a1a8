namespace SosRap.Api.Contracts;

/// <summary>A taxonomy version without its categories.</summary>
public sealed record TaxonomyVersionSummary(int Version, DateTime CreatedAt, string Note, int Categories, bool Current);

namespace SosRap.Api.Contracts;

/// <summary>A taxonomy version with its categories.</summary>
public sealed record TaxonomyResponse(int Version, DateTime CreatedAt, string Note, IReadOnlyList<CategoryResponse> Categories);

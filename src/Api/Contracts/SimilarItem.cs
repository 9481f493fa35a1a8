namespace SosRap.Api.Contracts;

/// <summary>A similar report and its similarity in [0, 1].</summary>
public sealed record SimilarItem(string Id, double Score);

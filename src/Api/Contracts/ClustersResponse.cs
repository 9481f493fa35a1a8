namespace SosRap.Api.Contracts;

/// <summary>The clusters of a period.</summary>
public sealed record ClustersResponse(string? Period, string ModelVersion, IReadOnlyList<ClusterResponse> Clusters);

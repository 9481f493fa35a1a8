namespace SosRap.Api.Contracts;

/// <summary>A cluster of similar reports in a period, with its label and trend.</summary>
public sealed record ClusterResponse(string Id, string Label, IReadOnlyList<string> Terms, int Size, IReadOnlyList<string> MemberIds,
    IReadOnlyList<PeriodCount> Trend, IReadOnlyList<string> DominantCategories);

namespace SosRap.Api.Contracts;

/// <summary>The answer of <c>GET /api/statistics</c>.</summary>
public sealed record StatisticsResponse(
    string Dimension,
    string GroupBy,
    string? Period,
    long Reports,
    IReadOnlyList<StatisticsRow> Rows,
    int? SuppressedBelow,
    string Counting);

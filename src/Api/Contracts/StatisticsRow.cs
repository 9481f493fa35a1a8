namespace SosRap.Api.Contracts;

/// <summary>A count of reports for one key (category, need or law item) and group.</summary>
public sealed record StatisticsRow(string Key, string Label, string? Group, long? Count, bool Suppressed);

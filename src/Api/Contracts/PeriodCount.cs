namespace SosRap.Api.Contracts;

/// <summary>Reports per period.</summary>
public sealed record PeriodCount(string Period, int Count);

using Microsoft.AspNetCore.Mvc;

namespace SosRap.Api.Contracts;

/// <summary>Query of the clusters and themes endpoints: the period analysed (all reports when left out).</summary>
public sealed record ThemeQuery
{
    /// <summary>Reporting period, e.g. <c>2025H2</c>.</summary>
    [FromQuery(Name = "period"), Period]
    public string? Period { get; init; }

    /// <summary>The dates of <see cref="Period"/>, or nulls for all reports.</summary>
    public (DateOnly? From, DateOnly? To, string? Label) Range() =>
        Contracts.Period.TryParse(Period, out var p) ? (p.From, p.To, p.Label) : (null, null, null);
}

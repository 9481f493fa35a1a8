using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using SosRap.Models;

namespace SosRap.Api.Contracts;

/// <summary>Query of <c>GET /api/statistics</c>.</summary>
public sealed record StatisticsQuery
{
    /// <summary>What to count by: <c>category</c> (the report's own taxonomy), <c>support_need</c> (11 § need) or <c>law_item</c> (11 § item number).</summary>
    [FromQuery(Name = "dimension"), AllowedValues(null, "category", "support_need", "law_item",
        ErrorMessage = "Ulottuvuus (dimension) ei ole sallittu; sallitut: category, support_need, law_item.")]
    public string? Dimension { get; init; }

    /// <summary>Second grouping: <c>none</c> (default), <c>period</c> (half-year), <c>municipality</c> or <c>service_area</c>.</summary>
    [FromQuery(Name = "group_by"), AllowedValues(null, "none", "period", "municipality", "service_area",
        ErrorMessage = "Ryhmittely (group_by) ei ole sallittu; sallitut: none, period, municipality, service_area.")]
    public string? GroupBy { get; init; }

    /// <summary>Reporting period.</summary>
    [FromQuery(Name = "period"), Period]
    public string? Period { get; init; }

    /// <summary>Earliest report date (inclusive).</summary>
    [FromQuery(Name = "from"), IsoDate]
    public string? From { get; init; }

    /// <summary>Latest report date (inclusive).</summary>
    [FromQuery(Name = "to"), IsoDate]
    public string? To { get; init; }

    /// <summary>Exact municipality.</summary>
    [FromQuery(Name = "municipality"), StringLength(Limits.ShortText, ErrorMessage = "Kenttä {0} saa olla enintään {1} merkkiä.")]
    public string? Municipality { get; init; }

    /// <summary>Exact service area.</summary>
    [FromQuery(Name = "service_area"), StringLength(Limits.ShortText, ErrorMessage = "Kenttä {0} saa olla enintään {1} merkkiä.")]
    public string? ServiceArea { get; init; }

    /// <summary><c>epakohta</c> or <c>hyva_kaytanto</c>.</summary>
    [FromQuery(Name = "kind"), WireEnum(typeof(ReportKind))]
    public string? Kind { get; init; }
}

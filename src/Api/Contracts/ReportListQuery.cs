using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using SosRap.Models;

namespace SosRap.Api.Contracts;

/// <summary>Filters and paging of <c>GET /api/reports</c>. Every filter is optional; they combine with AND.</summary>
public sealed record ReportListQuery
{
    /// <summary>Reporting period (<c>2024H1</c>, <c>2024Q3</c>, <c>2024-05</c>, <c>2024</c>).</summary>
    [FromQuery(Name = "period"), Period, Description("Kausi, esim. 2024H1, 2024Q3, 2024-05 tai 2024.")]
    public string? Period { get; init; }

    /// <summary>Earliest report date (inclusive), <c>YYYY-MM-DD</c>.</summary>
    [FromQuery(Name = "from"), IsoDate, Description("Aikaisin raportointipäivä, VVVV-KK-PP.")]
    public string? From { get; init; }

    /// <summary>Latest report date (inclusive), <c>YYYY-MM-DD</c>.</summary>
    [FromQuery(Name = "to"), IsoDate, Description("Viimeisin raportointipäivä, VVVV-KK-PP.")]
    public string? To { get; init; }

    /// <summary>Exact municipality.</summary>
    [FromQuery(Name = "municipality"), StringLength(Limits.ShortText, ErrorMessage = "Kenttä {0} saa olla enintään {1} merkkiä.")]
    public string? Municipality { get; init; }

    /// <summary>Exact service area.</summary>
    [FromQuery(Name = "service_area"), StringLength(Limits.ShortText, ErrorMessage = "Kenttä {0} saa olla enintään {1} merkkiä.")]
    public string? ServiceArea { get; init; }

    /// <summary>State: uusi, alkukasitelty, yhdistetty, tyoryhmassa, raportoitu, valitetty.</summary>
    [FromQuery(Name = "state"), WireEnum(typeof(ReportState))]
    public string? State { get; init; }

    /// <summary>Category id the report carries.</summary>
    [FromQuery(Name = "category"), StringLength(Limits.ShortText, ErrorMessage = "Kenttä {0} saa olla enintään {1} merkkiä.")]
    public string? Category { get; init; }

    /// <summary><c>epakohta</c> or <c>hyva_kaytanto</c>.</summary>
    [FromQuery(Name = "kind"), WireEnum(typeof(ReportKind))]
    public string? Kind { get; init; }

    /// <summary>Words to find; matched on lemmas (base forms) and compound parts, all words required.</summary>
    [FromQuery(Name = "q"), StringLength(200, ErrorMessage = "Kenttä {0} saa olla enintään {1} merkkiä."), Description("Hakusanat; haetaan perusmuodoista, kaikkien sanojen pitää löytyä.")]
    public string? Q { get; init; }

    /// <summary>Only the caller's own reports.</summary>
    [FromQuery(Name = "mine")]
    public bool? Mine { get; init; }

    /// <summary>Page number from 1.</summary>
    [FromQuery(Name = "page"), Range(1, Limits.Page, ErrorMessage = "Kentän {0} pitää olla välillä {1}–{2}.")]
    public int? Page { get; init; }

    /// <summary>Reports per page, 1–100 (default 25).</summary>
    [FromQuery(Name = "page_size"), Range(1, Limits.PageSize, ErrorMessage = "Kentän {0} pitää olla välillä {1}–{2}.")]
    public int? PageSize { get; init; }
}

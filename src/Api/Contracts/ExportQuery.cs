using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace SosRap.Api.Contracts;

/// <summary>Query of <c>GET /api/export</c>: a period's handled reports for research, pseudonymised.</summary>
public sealed record ExportQuery
{
    /// <summary>Reporting period (required).</summary>
    [FromQuery(Name = "period"), Required(ErrorMessage = "Kausi (period) puuttuu, esim. 2024H1."), Period]
    public string? Period { get; init; }

    /// <summary><c>csv</c> (default), <c>parquet</c> or <c>jsonl</c>.</summary>
    [FromQuery(Name = "format"), AllowedValues(null, "csv", "parquet", "jsonl",
        ErrorMessage = "Muoto (format) ei ole sallittu; sallitut: csv, parquet, jsonl.")]
    public string? Format { get; init; }

    /// <summary><c>month</c> (default: dates moved to the first of their month) or <c>day</c>.</summary>
    [FromQuery(Name = "date_precision"), AllowedValues(null, "month", "day",
        ErrorMessage = "Päivämäärien tarkkuus (date_precision) ei ole sallittu; sallitut: month, day.")]
    public string? DatePrecision { get; init; }
}

namespace SosRap.Api.Contracts;

/// <summary>
/// Where a report is in its handling. Serialised in snake case (<c>uusi</c>, <c>alkukasitelty</c>, …);
/// the allowed moves between states are in <see cref="Services.Workflow"/>.
/// </summary>
public enum ReportState
{
    /// <summary>Submitted, waiting for the supervisor's initial handling (or returned to its author).</summary>
    Uusi = 0,

    /// <summary>Initially handled: categories confirmed by the supervisor (esihenkilö).</summary>
    Alkukasitelty = 1,

    /// <summary>Merged into another report that describes the same phenomenon; not counted again.</summary>
    Yhdistetty = 2,

    /// <summary>Under analysis in the regional working group (RAKE-työryhmä).</summary>
    Tyoryhmassa = 3,

    /// <summary>Included in a period's social report.</summary>
    Raportoitu = 4,

    /// <summary>Passed on to HYTE groups or decision makers.</summary>
    Valitetty = 5,
}

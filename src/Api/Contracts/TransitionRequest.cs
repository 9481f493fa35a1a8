using System.ComponentModel.DataAnnotations;

namespace SosRap.Api.Contracts;

/// <summary>
/// Body of <c>POST /api/reports/{id}/transitions</c>: move a report to state <see cref="To"/>.
/// What else is needed depends on the move: categories to confirm (→ <c>alkukasitelty</c>), the
/// report it duplicates (→ <c>yhdistetty</c>), a comment for the author (return → <c>uusi</c>), the
/// social report's period (→ <c>raportoitu</c>) or the recipients (→ <c>valitetty</c>).
/// </summary>
public sealed record TransitionRequest
{
    /// <summary>The target state.</summary>
    [Required(ErrorMessage = "Kohdetila (to) puuttuu.")]
    public ReportState? To { get; init; }

    /// <summary>Categories to confirm (→ <c>alkukasitelty</c>); replaces the report's categories. Left out: keep them.</summary>
    [MaxLength(Limits.CategoriesPerReport, ErrorMessage = "Luokkia saa olla enintään {1}.")]
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>The report this one duplicates (→ <c>yhdistetty</c>).</summary>
    [StringLength(Limits.ShortText, ErrorMessage = "Kenttä {0} saa olla enintään {1} merkkiä.")]
    [SingleLine]
    public string? MergedInto { get; init; }

    /// <summary>Why the report goes back to its author (→ <c>uusi</c>), or a note on the move.</summary>
    [StringLength(Limits.Comment, ErrorMessage = "Kommentti saa olla enintään {1} merkkiä.")]
    [FreeText]
    public string? Comment { get; init; }

    /// <summary>The social report's period, e.g. <c>2024H1</c> (→ <c>raportoitu</c>).</summary>
    [Period]
    public string? Period { get; init; }

    /// <summary>Who it was passed on to, e.g. "Kainuun HYTE-ryhmä" (→ <c>valitetty</c>).</summary>
    [StringLength(Limits.Comment, ErrorMessage = "Kenttä {0} saa olla enintään {1} merkkiä.")]
    [FreeText]
    public string? ForwardedTo { get; init; }

    /// <summary>Optional optimistic concurrency: the <c>version</c> the caller last saw; a different one gets 409.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Kentän {0} pitää olla välillä {1}–{2}.")]
    public int? ExpectedVersion { get; init; }
}

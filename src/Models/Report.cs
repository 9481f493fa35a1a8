namespace SosRap.Models;

/// <summary>
/// One phenomenon report (ilmiö) with its optional proposal (toimenpide-ehdotus), as in the
/// interchange formats of the design: the same fields in CSV, JSONL and Parquet.
/// </summary>
public sealed record Report
{
    /// <summary>Identifier, unique within a file or database.</summary>
    public required string Id { get; init; }

    /// <summary>The ilmiö text; required and non-empty.</summary>
    public required string Phenomenon { get; init; }

    /// <summary>The toimenpide-ehdotus; may be empty.</summary>
    public string Proposal { get; init; } = "";

    /// <summary>Municipality (kunta) the report concerns, if given.</summary>
    public string? Municipality { get; init; }

    /// <summary>Service area (palvelualue), if given.</summary>
    public string? ServiceArea { get; init; }

    /// <summary>Date the report was written.</summary>
    public DateOnly? ReportedAt { get; init; }

    /// <summary>Taxonomy category ids (gold labels or confirmed categories); empty when unlabelled.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Problem or good practice.</summary>
    public ReportKind Kind { get; init; } = ReportKind.Epakohta;

    /// <summary>Rough estimate of how many clients the phenomenon concerns.</summary>
    public int? AffectedClients { get; init; }

    /// <summary>Who should act (hyvinvointialue, kunta, Kela, …).</summary>
    public string? Responsible { get; init; }

    /// <summary>ISO 639-1 language code; <c>fi</c> by default, <c>sv</c> reports exist.</summary>
    public string Language { get; init; } = "fi";

    /// <summary>Gold primary theme (evaluation only).</summary>
    public string? Theme { get; init; }

    /// <summary>Marks reports known to carry (fictional) personal data (evaluation only).</summary>
    public bool? ContainsPii { get; init; }

    /// <summary>Phenomenon and proposal as one text, the unit that is analysed.</summary>
    public string FullText => Proposal.Length == 0 ? Phenomenon : Phenomenon + "\n\n" + Proposal;
}

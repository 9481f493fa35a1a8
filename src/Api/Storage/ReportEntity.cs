using SosRap.Api.Contracts;
using SosRap.Models;

namespace SosRap.Api.Storage;

/// <summary>A stored report. Texts are redacted before they reach this type; the original text is never stored.</summary>
internal sealed class ReportEntity
{
    public required string Id { get; set; }
    public Guid AuthorId { get; set; }
    public required string Phenomenon { get; set; }
    public string Proposal { get; set; } = "";
    public string? Municipality { get; set; }
    public required string ServiceArea { get; set; }
    public DateOnly ReportedAt { get; set; }
    public ReportKind Kind { get; set; }
    public int? AffectedClients { get; set; }
    public string? Responsible { get; set; }
    public string Language { get; set; } = "fi";
    public int TaxonomyVersion { get; set; }
    public ReportState State { get; set; }
    public string? MergedInto { get; set; }
    public string? ReturnComment { get; set; }
    public string? ReportedPeriod { get; set; }
    public string? ForwardedTo { get; set; }

    /// <summary>Lemmas and compound parts of the redacted texts, lower case, space separated, with a space at both ends (whole-word search with LIKE).</summary>
    public string Lemmas { get; set; } = " ";

    /// <summary>What redaction removed, as <c>kind=count</c> pairs separated by <c>;</c> (no text).</summary>
    public string Redactions { get; set; } = "";

    /// <summary>The suggestion model that made <see cref="Suggestions"/>, or null when none was available.</summary>
    public string? SuggestionModel { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Concurrency token: increases with every change.</summary>
    public int Version { get; set; }

    public List<ReportCategoryEntity> Categories { get; set; } = [];
    public List<ReportSuggestionEntity> Suggestions { get; set; } = [];
}

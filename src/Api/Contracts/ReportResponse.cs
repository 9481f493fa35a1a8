using SosRap.Models;

namespace SosRap.Api.Contracts;

/// <summary>A stored report as the API returns it. Texts are the redacted ones; the original text is never stored.</summary>
public sealed record ReportResponse
{
    public required string Id { get; init; }
    public required ReportState State { get; init; }
    public required string Phenomenon { get; init; }
    public required string Proposal { get; init; }
    public string? Municipality { get; init; }
    public required string ServiceArea { get; init; }
    public required DateOnly ReportedAt { get; init; }
    public required ReportKind Kind { get; init; }
    public int? AffectedClients { get; init; }
    public string? Responsible { get; init; }
    public required string Language { get; init; }
    public required IReadOnlyList<string> Categories { get; init; }
    public required int TaxonomyVersion { get; init; }

    /// <summary>True when the caller wrote the report.</summary>
    public required bool IsOwn { get; init; }

    /// <summary>The author's display name: shown to the author and to supervisors, to nobody else.</summary>
    public string? AuthorName { get; init; }

    public string? MergedInto { get; init; }
    public string? ReturnComment { get; init; }
    public string? ReportedPeriod { get; init; }
    public string? ForwardedTo { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }

    /// <summary>Increases with every change; pass it as <c>expected_version</c> to avoid overwriting someone else's change.</summary>
    public required int Version { get; init; }

    /// <summary>What redaction removed from the texts (kinds and counts only).</summary>
    public required RedactionSummary Redaction { get; init; }

    /// <summary>The category suggestions made when the report was submitted or last edited.</summary>
    public required SuggestionsBlock Suggestions { get; init; }

    /// <summary>The most similar earlier reports (only in the response to submitting or editing).</summary>
    public SimilarBlock? Similar { get; init; }

    /// <summary>The states the caller may move the report to now.</summary>
    public required IReadOnlyList<ReportState> AllowedTransitions { get; init; }
}

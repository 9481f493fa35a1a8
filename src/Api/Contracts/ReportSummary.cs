using SosRap.Models;

namespace SosRap.Api.Contracts;

/// <summary>A report in a list: the fields for a queue, with the start of the phenomenon.</summary>
public sealed record ReportSummary(
    string Id,
    ReportState State,
    string PhenomenonPreview,
    string? Municipality,
    string ServiceArea,
    DateOnly ReportedAt,
    ReportKind Kind,
    IReadOnlyList<string> Categories,
    bool IsOwn,
    bool Returned,
    DateTime UpdatedAt);

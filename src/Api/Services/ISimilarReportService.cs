namespace SosRap.Api.Services;

/// <summary>The most similar earlier reports of a redacted text (the vector search of the analysis pipeline).</summary>
internal interface ISimilarReportService
{
    /// <summary>Whether similarity search is in use.</summary>
    AnalysisStatus Status { get; }

    /// <summary>Up to <paramref name="limit"/> reports most similar to <paramref name="text"/>, most similar first, never <paramref name="excludeId"/>.</summary>
    Task<SimilarOutcome> FindAsync(string text, string language, int limit, string? excludeId, CancellationToken cancellationToken);

    /// <summary>Adds or replaces a stored report in the index (called after submit and edit).</summary>
    Task IndexAsync(string id, string text, string language, CancellationToken cancellationToken);
}

/// <summary>Similar reports with similarity in [0, 1], or the reason there are none.</summary>
internal sealed record SimilarOutcome(AnalysisStatus Status, IReadOnlyList<(string Id, double Score)> Reports);

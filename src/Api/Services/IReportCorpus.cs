namespace SosRap.Api.Services;

/// <summary>
/// Read access to the stored (redacted) reports for the analysis pipeline: what the suggester,
/// vector index and clustering build on at start and on retrain. Never yields original texts;
/// there are none.
/// </summary>
internal interface IReportCorpus
{
    /// <summary>Stored reports dated <paramref name="from"/>–<paramref name="to"/> (all when null), optionally only those with confirmed categories.</summary>
    IAsyncEnumerable<CorpusReport> ReadAsync(DateOnly? from, DateOnly? to, bool labelledOnly, CancellationToken cancellationToken);

    /// <summary>Reviewer decisions with an id greater than <paramref name="after"/>, oldest first.</summary>
    Task<IReadOnlyList<FeedbackDecision>> FeedbackAsync(long after, int limit, CancellationToken cancellationToken);
}

/// <summary>A stored report as the pipeline sees it.</summary>
internal sealed record CorpusReport(string Id, string Text, string Language, DateOnly ReportedAt, string? Municipality, string ServiceArea,
    int TaxonomyVersion, IReadOnlyList<string> Categories, bool Confirmed);

/// <summary>One reviewer decision on one category of one report.</summary>
internal sealed record FeedbackDecision(long Id, string ReportId, string Category, string Decision, double? SuggestedScore, int TaxonomyVersion, DateTime At);

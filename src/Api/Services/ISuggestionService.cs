namespace SosRap.Api.Services;

/// <summary>
/// Category suggestions for a redacted text (the ensemble of the analysis pipeline). The service
/// stores what this returns with the report, records the reviewers' decisions, and tells the
/// suggester about newly labelled reports so that a k-NN backend can use them at once.
/// </summary>
internal interface ISuggestionService
{
    /// <summary>Whether suggestions can be made now, and by which model.</summary>
    AnalysisStatus Status { get; }

    /// <summary>Ranked categories for <paramref name="query"/>; <see cref="AnalysisStatus.Available"/> false when there is no model.</summary>
    Task<SuggestionOutcome> SuggestAsync(SuggestionQuery query, CancellationToken cancellationToken);

    /// <summary>A report's confirmed categories (after handling or feedback): k-NN learns from it immediately, linear models on retrain.</summary>
    Task LearnAsync(LabelledReport report, CancellationToken cancellationToken);
}

/// <summary>Whether an analysis component is in use, its model version, or why not.</summary>
internal sealed record AnalysisStatus(bool Available, string? ModelVersion, string? Reason)
{
    public static AnalysisStatus Unavailable(string reason) => new(false, null, reason);
}

/// <summary>What to categorise: a redacted text, its language, the taxonomy version, how many and how sure.</summary>
internal sealed record SuggestionQuery(string Text, string Language, int TaxonomyVersion, int Limit, double Threshold, string? ExcludeReportId = null);

/// <summary>The suggestions, best first, or the reason there are none.</summary>
internal sealed record SuggestionOutcome(AnalysisStatus Status, IReadOnlyList<Suggestion> Suggestions);

/// <summary>One suggested category with a score in [0, 1] and its evidence.</summary>
internal sealed record Suggestion(string Category, double Score, IReadOnlyList<string> EvidenceLemmas, IReadOnlyList<string> EvidenceReportIds);

/// <summary>A report whose categories a person has confirmed.</summary>
internal sealed record LabelledReport(string Id, string Text, string Language, int TaxonomyVersion, IReadOnlyList<string> Categories);

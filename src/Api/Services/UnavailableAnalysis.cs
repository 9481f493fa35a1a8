namespace SosRap.Api.Services;

/// <summary>
/// Stands in for the analysis pipeline's suggestions, similarity search and themes until they are
/// plugged in: every call says honestly that the component is not in use (the endpoints answer
/// 503 or a <c>status: "unavailable"</c> block), and nothing pretends to be a result.
/// </summary>
internal sealed class UnavailableAnalysis : ISuggestionService, ISimilarReportService, IThemeService
{
    private static readonly AnalysisStatus NotInUse =
        AnalysisStatus.Unavailable("Analyysimallia ei ole otettu käyttöön tässä palvelussa.");

    public AnalysisStatus Status => NotInUse;

    public Task<SuggestionOutcome> SuggestAsync(SuggestionQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(new SuggestionOutcome(NotInUse, []));

    public Task LearnAsync(LabelledReport report, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<SimilarOutcome> FindAsync(string text, string language, int limit, string? excludeId, CancellationToken cancellationToken) =>
        Task.FromResult(new SimilarOutcome(NotInUse, []));

    public Task IndexAsync(string id, string text, string language, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ThemeOutcome<ThemeCluster>> ClustersAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        Task.FromResult(new ThemeOutcome<ThemeCluster>(NotInUse, []));

    public Task<ThemeOutcome<ThemeCandidate>> CandidatesAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        Task.FromResult(new ThemeOutcome<ThemeCandidate>(NotInUse, []));
}

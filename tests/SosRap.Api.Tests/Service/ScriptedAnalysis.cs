using System.Collections.Concurrent;
using SosRap.Api.Services;

namespace SosRap.Api.Tests.Service;

/// <summary>
/// A scripted stand-in for the analysis pipeline behind the service's seams, to test what the
/// service does with suggestions, similar reports and themes (storing, ranking, feedback,
/// promotion). It makes no claim about suggestion quality; the pipeline's own tests do that.
/// </summary>
internal sealed class ScriptedAnalysis : ISuggestionService, ISimilarReportService, IThemeService
{
    public const string Model = "scripted-1";

    /// <summary>A text containing this makes the suggester throw.</summary>
    public const string Fail = "KAADU";

    private static readonly AnalysisStatus Ready = new(true, Model, null);

    public ConcurrentQueue<string> SuggestedTexts { get; } = new();
    public ConcurrentQueue<LabelledReport> Learned { get; } = new();
    public ConcurrentQueue<string> Indexed { get; } = new();

    public AnalysisStatus Status => Ready;

    public Task<SuggestionOutcome> SuggestAsync(SuggestionQuery query, CancellationToken cancellationToken)
    {
        if (query.Text.Contains(Fail, StringComparison.Ordinal)) throw new InvalidOperationException("scripted failure");
        SuggestedTexts.Enqueue(query.Text);
        Suggestion[] all =
        [
            new("asuminen", 0.9, ["vuokra", "vakuus"], ["S-1"]),
            new("ei_taksonomiassa", 0.8, [], []),
            new("toimeentulo", 0.6, ["kela"], []),
            new("velat", 0.2, [], []),
        ];
        return Task.FromResult(new SuggestionOutcome(Ready, all.Where(s => s.Score >= query.Threshold).Take(query.Limit).ToList()));
    }

    public Task LearnAsync(LabelledReport report, CancellationToken cancellationToken)
    {
        Learned.Enqueue(report);
        return Task.CompletedTask;
    }

    public Task<SimilarOutcome> FindAsync(string text, string language, int limit, string? excludeId, CancellationToken cancellationToken) =>
        Task.FromResult(new SimilarOutcome(Ready, Indexed.Reverse().Where(id => id != excludeId).Take(limit).Select(id => (id, 0.75)).ToList()));

    public Task IndexAsync(string id, string text, string language, CancellationToken cancellationToken)
    {
        Indexed.Enqueue(id);
        return Task.CompletedTask;
    }

    public Task<ThemeOutcome<ThemeCluster>> ClustersAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        Task.FromResult(new ThemeOutcome<ThemeCluster>(Ready,
            [new ThemeCluster("0", "vuokra · vakuus", ["vuokra", "vakuus"], Indexed.Take(3).ToList(), [("2025H1", 2), ("2025H2", 5)], ["asuminen"])]));

    public Task<ThemeOutcome<ThemeCandidate>> CandidatesAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        Task.FromResult(new ThemeOutcome<ThemeCandidate>(Ready,
            [new ThemeCandidate("c1", "pankki · käteinen", ["pankki", "käteinen"], Indexed.Take(2).ToList(), [("2025H1", 1), ("2025H2", 6)], 0.8, "pankkipalvelut")]));
}

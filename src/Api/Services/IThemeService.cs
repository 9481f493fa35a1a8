namespace SosRap.Api.Services;

/// <summary>Clusters of similar reports with labels and trends, and candidate new themes (the clustering stage of the analysis pipeline).</summary>
internal interface IThemeService
{
    /// <summary>Whether clustering is in use.</summary>
    AnalysisStatus Status { get; }

    /// <summary>The clusters of the handled reports in <paramref name="from"/>–<paramref name="to"/> (all dates when null).</summary>
    Task<ThemeOutcome<ThemeCluster>> ClustersAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken);

    /// <summary>Growing clusters that no category explains well: candidates for a new category.</summary>
    Task<ThemeOutcome<ThemeCandidate>> CandidatesAsync(DateOnly? from, DateOnly? to, CancellationToken cancellationToken);
}

/// <summary>Results of a theme query, or the reason there are none.</summary>
internal sealed record ThemeOutcome<T>(AnalysisStatus Status, IReadOnlyList<T> Items);

/// <summary>A cluster: id, c-TF-IDF label and terms, members, reports per half-year, and its most common categories.</summary>
internal sealed record ThemeCluster(string Id, string Label, IReadOnlyList<string> Terms, IReadOnlyList<string> MemberIds,
    IReadOnlyList<(string Period, int Count)> Trend, IReadOnlyList<string> DominantCategories);

/// <summary>A candidate theme: how poorly existing categories explain it (0–1) and a suggested new category id.</summary>
internal sealed record ThemeCandidate(string Id, string Label, IReadOnlyList<string> Terms, IReadOnlyList<string> MemberIds,
    IReadOnlyList<(string Period, int Count)> Trend, double Novelty, string? SuggestedCategoryId);

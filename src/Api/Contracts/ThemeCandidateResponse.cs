namespace SosRap.Api.Contracts;

/// <summary>A possible new theme: a growing cluster that no category explains well.</summary>
public sealed record ThemeCandidateResponse(string Id, string Label, IReadOnlyList<string> Terms, IReadOnlyList<string> MemberIds,
    IReadOnlyList<PeriodCount> Trend, double Novelty, string? SuggestedCategoryId);

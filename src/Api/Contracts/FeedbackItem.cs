namespace SosRap.Api.Contracts;

/// <summary>A stored reviewer decision on one category of one report.</summary>
public sealed record FeedbackItem(long Id, string ReportId, string Category, string Decision, double? SuggestedScore, int TaxonomyVersion, DateTime CreatedAt);

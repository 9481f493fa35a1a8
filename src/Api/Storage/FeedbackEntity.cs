namespace SosRap.Api.Storage;

/// <summary>A reviewer's decision on one category of one report: accepted, rejected or added.</summary>
internal sealed class FeedbackEntity
{
    public long Id { get; set; }
    public required string ReportId { get; set; }
    public required string CategoryId { get; set; }

    /// <summary><c>accepted</c>, <c>rejected</c> or <c>added</c>.</summary>
    public required string Decision { get; set; }

    /// <summary>The suggestion's score, when the category was suggested.</summary>
    public double? SuggestedScore { get; set; }

    public string? SuggestionModel { get; set; }
    public int TaxonomyVersion { get; set; }
    public Guid ReviewerId { get; set; }
    public DateTime CreatedAt { get; set; }
}

namespace SosRap.Api.Storage;

/// <summary>A category a report carries (proposed by its author or confirmed by a reviewer).</summary>
internal sealed class ReportCategoryEntity
{
    public required string ReportId { get; set; }
    public required string CategoryId { get; set; }
}

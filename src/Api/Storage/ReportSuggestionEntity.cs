namespace SosRap.Api.Storage;

/// <summary>A category suggested for a report when it was submitted or last edited.</summary>
internal sealed class ReportSuggestionEntity
{
    public required string ReportId { get; set; }
    public required string CategoryId { get; set; }
    public int Rank { get; set; }
    public double Score { get; set; }

    /// <summary>Strongest lemmas behind the suggestion, space separated.</summary>
    public string EvidenceLemmas { get; set; } = "";

    /// <summary>Most similar labelled reports behind the suggestion, space separated ids.</summary>
    public string EvidenceReports { get; set; } = "";
}

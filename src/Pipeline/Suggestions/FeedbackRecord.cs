namespace SosRap.Pipeline.Suggestions;

/// <summary>
/// A reviewer's decision on the suggestions for one report, as kept in <c>feedback.jsonl</c>:
/// the (redacted) text and the accepted, rejected and added categories.
/// </summary>
public sealed record FeedbackRecord(string ReportId, string Text, IReadOnlyList<string> Accepted, IReadOnlyList<string> Rejected,
    IReadOnlyList<string> Added, DateTimeOffset At)
{
    /// <summary>The categories the reviewer confirmed: accepted and added, less any rejected.</summary>
    public IReadOnlyList<string> Confirmed =>
        Accepted.Concat(Added).Where(c => !Rejected.Contains(c, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
}

namespace SosRap.Api.Services;

/// <summary>
/// The one path every report text takes before storage: redaction of both texts, then the lemma
/// string of the redacted text. Used by submit, edit and the sample import alike.
/// </summary>
internal sealed class ReportTexts(IReportRedactor redactor, ILemmaIndexer lemmas)
{
    public PreparedTexts Prepare(string phenomenon, string? proposal)
    {
        var p = redactor.Redact(phenomenon);
        var q = redactor.Redact(proposal ?? "");
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (kind, n) in p.Counts.Concat(q.Counts)) counts[kind] = counts.GetValueOrDefault(kind) + n;
        var full = q.Text.Length == 0 ? p.Text : p.Text + "\n\n" + q.Text;
        return new PreparedTexts(p.Text, q.Text, ReportMapper.StoreRedactions(counts), lemmas.Index(full));
    }

    /// <summary>Redacts a free comment (return comment, note) that is stored.</summary>
    public string RedactComment(string comment) => redactor.Redact(comment).Text;
}

/// <summary>Redacted texts, the stored redaction counts and the lemma string.</summary>
internal sealed record PreparedTexts(string Phenomenon, string Proposal, string Redactions, string Lemmas);

namespace SosRap.Pipeline.Text.Pii;

/// <summary>A redacted text and what was removed from it.</summary>
/// <param name="Text">The text with every finding replaced by its placeholder (<c>[NIMI]</c> …).</param>
/// <param name="Redactions">The findings in text order, with offsets into the original text.</param>
public sealed record RedactionResult(string Text, IReadOnlyList<Redaction> Redactions)
{
    /// <summary>How many findings of <paramref name="kind"/> were redacted.</summary>
    public int Count(PiiKind kind)
    {
        int count = 0;
        foreach (var r in Redactions)
        {
            if (r.Kind == kind) count++;
        }

        return count;
    }
}

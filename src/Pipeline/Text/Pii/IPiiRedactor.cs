namespace SosRap.Pipeline.Text.Pii;

/// <summary>Finds personal data in report text and replaces it with placeholders. Implementations are thread-safe.</summary>
public interface IPiiRedactor
{
    /// <summary>Returns <paramref name="text"/> with personal data replaced, and what was replaced.</summary>
    RedactionResult Redact(ReadOnlySpan<char> text);

    /// <summary>Appends the personal data found in <paramref name="text"/> to <paramref name="found"/>, in text order, without overlaps.</summary>
    void Find(ReadOnlySpan<char> text, List<Redaction> found);
}

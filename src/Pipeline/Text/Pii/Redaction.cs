namespace SosRap.Pipeline.Text.Pii;

/// <summary>
/// One piece of personal data found in a text: its kind and where it was in the original text.
/// Carries no text, so it can be logged.
/// </summary>
/// <param name="Kind">What was found.</param>
/// <param name="Start">Offset of its first character in the original text.</param>
/// <param name="Length">Number of characters replaced.</param>
public readonly record struct Redaction(PiiKind Kind, int Start, int Length)
{
    /// <summary>Offset one past the last replaced character.</summary>
    public int End => Start + Length;
}

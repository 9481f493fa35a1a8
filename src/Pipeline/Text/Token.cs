namespace SosRap.Pipeline.Text;

/// <summary>
/// A token as a span of the original text, so redaction and highlighting can point back into it.
/// </summary>
/// <param name="Start">Offset of the first character in the original text.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Kind">What the token is.</param>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    /// <summary>Offset one past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The token's characters within <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> Slice(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}

namespace SosRap.Pipeline.Text;

/// <summary>
/// Turns a token's characters into the plain form later stages look up: tokens keep the original
/// text (for offsets), which may carry invisible or typographic characters.
/// </summary>
public static class TokenText
{
    /// <summary>
    /// Copies <paramref name="token"/> to <paramref name="destination"/> without soft hyphens and
    /// zero-width characters, with typographic apostrophes as <c>'</c> and Unicode hyphens as <c>-</c>.
    /// </summary>
    /// <returns>The number of characters written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="token"/>.</exception>
    public static int Normalize(ReadOnlySpan<char> token, Span<char> destination)
    {
        if (destination.Length < token.Length)
            throw new ArgumentException("The destination must be at least as long as the token.", nameof(destination));
        int written = 0;
        foreach (var c in token)
        {
            switch (c)
            {
                case '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    continue;
                case '\u2019' or '\u02BC':
                    destination[written++] = '\'';
                    break;
                case '\u2010' or '\u2011':
                    destination[written++] = '-';
                    break;
                default:
                    destination[written++] = c;
                    break;
            }
        }

        return written;
    }

    /// <summary>Whether <see cref="Normalize"/> would change <paramref name="token"/>.</summary>
    public static bool NeedsNormalization(ReadOnlySpan<char> token)
        => token.IndexOfAny("\u00AD\u200B\u200C\u200D\u2060\uFEFF\u2019\u02BC\u2010\u2011") >= 0;
}

namespace SosRap.Pipeline.Text.Pii;

/// <summary>
/// Redacts a text stream of any length in pieces that end at paragraph breaks, so memory stays
/// bounded and the output keeps every character that is not redacted (line endings included).
/// </summary>
public static class PiiStreamRedaction
{
    /// <summary>The size a piece grows to before it is cut at a line break (or a space) instead of a blank line.</summary>
    public const int MaxPieceLength = 1 << 20;

    private const int ReadBlockLength = 1 << 16;

    /// <summary>
    /// Reads <paramref name="input"/> to its end, writes it to <paramref name="output"/> with personal
    /// data replaced, and returns how many findings of each kind were replaced.
    /// </summary>
    public static async Task<IReadOnlyDictionary<PiiKind, int>> RedactAsync(
        IPiiRedactor redactor, TextReader input, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);

        var counts = Enum.GetValues<PiiKind>().ToDictionary(k => k, _ => 0);
        var buffer = new PieceBuffer(MaxPieceLength + ReadBlockLength);
        while (true)
        {
            int read = await input.ReadAsync(buffer.FreeSpace(ReadBlockLength), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            buffer.Commit(read);
            int cut = buffer.FindCut();
            if (cut > 0)
            {
                await WriteRedactedAsync(redactor, buffer.Take(cut), output, counts, cancellationToken).ConfigureAwait(false);
            }
        }

        if (buffer.Length > 0)
            await WriteRedactedAsync(redactor, buffer.Take(buffer.Length), output, counts, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return counts;
    }

    private static async Task WriteRedactedAsync(
        IPiiRedactor redactor, string piece, TextWriter output, Dictionary<PiiKind, int> counts, CancellationToken cancellationToken)
    {
        var result = redactor.Redact(piece);
        foreach (var r in result.Redactions) counts[r.Kind]++;
        await output.WriteAsync(result.Text.AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Buffered text and the cut points seen so far; each character is scanned once.
    /// A cut goes after the last blank line; when the buffer has grown past
    /// <see cref="MaxPieceLength"/> without one, after the last line break or space.
    /// </summary>
    internal sealed class PieceBuffer(int capacity)
    {
        private char[] chars = new char[capacity];
        private int scanned;
        private bool lineEmpty = true;
        private int lastBlank = -1;
        private int lastNewline = -1;
        private int lastSpace = -1;

        public int Length { get; private set; }

        public Memory<char> FreeSpace(int atLeast)
        {
            if (chars.Length - Length < atLeast) Array.Resize(ref chars, Math.Max(chars.Length * 2, Length + atLeast));
            return chars.AsMemory(Length);
        }

        public void Commit(int count)
        {
            Length += count;
            for (int k = scanned; k < Length; k++)
            {
                char c = chars[k];
                if (c == '\n')
                {
                    if (lineEmpty) lastBlank = k;
                    lastNewline = k;
                    lineEmpty = true;
                }
                else if (c is ' ' or '\t')
                {
                    lastSpace = k;
                }
                else if (c != '\r')
                {
                    lineEmpty = false;
                }
            }

            scanned = Length;
        }

        /// <summary>How many leading characters to redact now; 0 to wait for more.</summary>
        public int FindCut()
        {
            if (lastBlank >= 0) return lastBlank + 1;
            if (Length < MaxPieceLength) return 0;
            if (lastNewline >= 0) return lastNewline + 1;
            return lastSpace >= 0 ? lastSpace + 1 : Length;
        }

        /// <summary>Removes and returns the first <paramref name="count"/> characters.</summary>
        public string Take(int count)
        {
            var piece = new string(chars, 0, count);
            Array.Copy(chars, count, chars, 0, Length - count);
            Length -= count;
            scanned -= count;
            lastBlank = lastBlank >= count ? lastBlank - count : -1;
            lastNewline = lastNewline >= count ? lastNewline - count : -1;
            lastSpace = lastSpace >= count ? lastSpace - count : -1;
            return piece;
        }
    }
}

namespace SosRap.Pipeline.IO;

/// <summary>
/// A growable read buffer over a stream, tracking the file offset of every buffered byte. The
/// CSV and JSONL readers work on bytes so that invalid UTF-8 can be located exactly.
/// </summary>
internal sealed class ByteInput
{
    private readonly Stream _stream;
    private byte[] _buffer;

    public ByteInput(Stream stream, int initialSize = 64 * 1024)
    {
        _stream = stream;
        _buffer = new byte[initialSize];
    }

    public byte[] Buffer => _buffer;

    /// <summary>Next unread byte.</summary>
    public int Pos { get; set; }

    /// <summary>End of buffered bytes.</summary>
    public int End { get; private set; }

    /// <summary>True once the stream has no more bytes.</summary>
    public bool Eof { get; private set; }

    /// <summary>File offset of <c>Buffer[0]</c>.</summary>
    public long BufferOffset { get; private set; }

    public ReadOnlySpan<byte> Unread => _buffer.AsSpan(Pos, End - Pos);

    public long OffsetOf(int index) => BufferOffset + index;

    /// <summary>
    /// Reads more bytes, keeping the unread ones (moved to the front; the buffer doubles when
    /// they fill it). Returns false at end of stream.
    /// </summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (Eof) return false;
        if (Pos > 0)
        {
            var unread = End - Pos;
            _buffer.AsSpan(Pos, unread).CopyTo(_buffer);
            BufferOffset += Pos;
            Pos = 0;
            End = unread;
        }

        if (End == _buffer.Length) Array.Resize(ref _buffer, checked(_buffer.Length * 2));
        var n = await _stream.ReadAsync(_buffer.AsMemory(End), cancellationToken).ConfigureAwait(false);
        if (n == 0)
        {
            Eof = true;
            return false;
        }

        End += n;
        return true;
    }

    /// <summary>Makes sure at least <paramref name="count"/> bytes are buffered, unless the stream ends first.</summary>
    public async ValueTask EnsureAsync(int count, CancellationToken cancellationToken)
    {
        while (End - Pos < count && await FillAsync(cancellationToken).ConfigureAwait(false))
        {
        }
    }

    /// <summary>Skips a UTF-8 byte order mark at the current position.</summary>
    public async ValueTask SkipBomAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(3, cancellationToken).ConfigureAwait(false);
        if (Unread.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) Pos += 3;
    }
}

namespace SosRap.Pipeline.IO;

/// <summary>
/// RFC 4180 record reader working on UTF-8 bytes: quoted fields may hold delimiters, doubled
/// quotes and line breaks; records end at CRLF, LF or CR; blank lines are skipped. Every
/// structural character is ASCII, so splitting bytes before decoding is safe and lets invalid
/// UTF-8 be reported per field. Field bytes beyond <c>maxFieldBytes</c> are dropped (and the
/// field marked) so that one runaway field cannot take all memory.
/// </summary>
internal sealed class CsvParser
{
    private const byte Quote = (byte)'"';
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';

    private enum State { RecordStart, FieldStart, Unquoted, Quoted, QuoteInQuoted }

    private readonly ByteInput _in;
    private readonly int _maxFieldBytes;
    private byte _delimiter = (byte)',';
    private long _line = 1;
    private bool _lastWasCr;

    private byte[] _data = new byte[4096];
    private int _dataLength;
    private int[] _starts = new int[16];
    private int[] _lengths = new int[16];
    private bool[] _overflow = new bool[16];
    private int _fieldStart;
    private bool _fieldOverflow;

    public CsvParser(ByteInput input, int maxFieldBytes)
    {
        _in = input;
        _maxFieldBytes = maxFieldBytes;
    }

    public byte Delimiter { get => _delimiter; set => _delimiter = value; }

    /// <summary>Line where the current record starts (1-based).</summary>
    public long Line { get; private set; }

    /// <summary>File offset of the first byte of the current record.</summary>
    public long Offset { get; private set; }

    /// <summary>Fields in the current record.</summary>
    public int Count { get; private set; }

    /// <summary>Line of an opening quote that was never closed (the record runs to end of file), or 0.</summary>
    public long UnterminatedQuoteLine { get; private set; }

    /// <summary>Index of the field whose quote was never closed, when <see cref="UnterminatedQuoteLine"/> is set.</summary>
    public int UnterminatedQuoteField { get; private set; }

    /// <summary>Line of a character right after a closing quote (e.g. <c>"ab"c</c>), or 0.</summary>
    public long StrayQuoteLine { get; private set; }

    /// <summary>Field of the first stray character after a closing quote.</summary>
    public int StrayQuoteField { get; private set; }

    public ReadOnlySpan<byte> Field(int index) => _data.AsSpan(_starts[index], _lengths[index]);

    /// <summary>True when the field was longer than the byte cap and was cut.</summary>
    public bool FieldOverflowed(int index) => _overflow[index];

    /// <summary>
    /// Picks the delimiter from the first record: the most frequent of <c>,</c> <c>;</c> and tab
    /// outside quotes; <c>,</c> when there is none.
    /// </summary>
    public async ValueTask<byte> DetectDelimiterAsync(CancellationToken cancellationToken)
    {
        var scanned = 0;
        int commas = 0, semicolons = 0, tabs = 0;
        var inQuotes = false;
        var started = false;
        while (true)
        {
            var span = _in.Unread;
            for (; scanned < span.Length; scanned++)
            {
                var b = span[scanned];
                if (b == Quote) inQuotes = !inQuotes;
                else if (!inQuotes)
                {
                    if (b is Cr or Lf)
                    {
                        if (started) return _delimiter = Choose(commas, semicolons, tabs);
                        continue;
                    }

                    started = true;
                    if (b == (byte)',') commas++;
                    else if (b == (byte)';') semicolons++;
                    else if (b == (byte)'\t') tabs++;
                }
                else started = true;
            }

            if (!await _in.FillAsync(cancellationToken).ConfigureAwait(false))
                return _delimiter = Choose(commas, semicolons, tabs);
        }

        static byte Choose(int commas, int semicolons, int tabs) =>
            semicolons > commas && semicolons >= tabs ? (byte)';' : tabs > commas && tabs > semicolons ? (byte)'\t' : (byte)',';
    }

    /// <summary>Reads the next record; false at end of input.</summary>
    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        Count = 0;
        _dataLength = 0;
        _fieldStart = 0;
        _fieldOverflow = false;
        UnterminatedQuoteLine = 0;
        StrayQuoteLine = 0;
        var state = State.RecordStart;
        long quoteLine = 0;

        while (true)
        {
            if (_in.Pos == _in.End && !await _in.FillAsync(cancellationToken).ConfigureAwait(false))
            {
                switch (state)
                {
                    case State.RecordStart:
                        return false;
                    case State.Quoted:
                        UnterminatedQuoteLine = quoteLine;
                        UnterminatedQuoteField = Count;
                        break;
                }

                EndField();
                return true;
            }

            var buffer = _in.Buffer;
            var end = _in.End;
            var i = _in.Pos;
            for (; i < end; i++)
            {
                var b = buffer[i];
                if (b == Cr) _line++;
                else if (b == Lf && !_lastWasCr) _line++;
                _lastWasCr = b == Cr;

                switch (state)
                {
                    case State.RecordStart:
                        if (b is Cr or Lf) continue;
                        Line = _line;
                        Offset = _in.OffsetOf(i);
                        goto case State.FieldStart;

                    case State.FieldStart:
                        if (b == Quote)
                        {
                            state = State.Quoted;
                            quoteLine = _line;
                        }
                        else if (b == _delimiter)
                        {
                            EndField();
                            state = State.FieldStart;
                        }
                        else if (b is Cr or Lf)
                        {
                            EndField();
                            _in.Pos = i + 1;
                            return true;
                        }
                        else
                        {
                            Append(b);
                            state = State.Unquoted;
                        }

                        break;

                    case State.Unquoted:
                        if (b == _delimiter)
                        {
                            EndField();
                            state = State.FieldStart;
                        }
                        else if (b is Cr or Lf)
                        {
                            EndField();
                            _in.Pos = i + 1;
                            return true;
                        }
                        else
                        {
                            // Fast path: copy the run up to the next special byte in one go.
                            var run = buffer.AsSpan(i, end - i);
                            var stop = run.IndexOfAny(_delimiter, Cr, Lf);
                            var len = stop < 0 ? run.Length : stop;
                            Append(run[..len]);
                            i += len - 1;
                            _lastWasCr = false;
                        }

                        break;

                    case State.Quoted:
                        if (b == Quote) state = State.QuoteInQuoted;
                        else if (b is Cr or Lf) Append(b);
                        else
                        {
                            var run = buffer.AsSpan(i, end - i);
                            var stop = run.IndexOfAny(Quote, Cr, Lf);
                            var len = stop < 0 ? run.Length : stop;
                            Append(run[..len]);
                            i += len - 1;
                            _lastWasCr = false;
                        }

                        break;

                    case State.QuoteInQuoted:
                        if (b == Quote)
                        {
                            Append(Quote);
                            state = State.Quoted;
                        }
                        else if (b == _delimiter)
                        {
                            EndField();
                            state = State.FieldStart;
                        }
                        else if (b is Cr or Lf)
                        {
                            EndField();
                            _in.Pos = i + 1;
                            return true;
                        }
                        else
                        {
                            // "ab"c: keep the character, as Excel does, but report it.
                            if (StrayQuoteLine == 0)
                            {
                                StrayQuoteLine = _line;
                                StrayQuoteField = Count;
                            }

                            Append(b);
                            state = State.Unquoted;
                        }

                        break;
                }
            }

            _in.Pos = i;
        }
    }

    private void Append(byte b)
    {
        if (_dataLength - _fieldStart >= _maxFieldBytes)
        {
            _fieldOverflow = true;
            return;
        }

        if (_dataLength == _data.Length) Array.Resize(ref _data, _data.Length * 2);
        _data[_dataLength++] = b;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        var room = _maxFieldBytes - (_dataLength - _fieldStart);
        if (bytes.Length > room)
        {
            _fieldOverflow = true;
            bytes = bytes[..Math.Max(room, 0)];
        }

        if (_dataLength + bytes.Length > _data.Length)
            Array.Resize(ref _data, Math.Max(_data.Length * 2, _dataLength + bytes.Length));
        bytes.CopyTo(_data.AsSpan(_dataLength));
        _dataLength += bytes.Length;
    }

    private void EndField()
    {
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
            Array.Resize(ref _overflow, Count * 2);
        }

        _starts[Count] = _fieldStart;
        _lengths[Count] = _dataLength - _fieldStart;
        _overflow[Count] = _fieldOverflow;
        Count++;
        _fieldStart = _dataLength;
        _fieldOverflow = false;
    }
}

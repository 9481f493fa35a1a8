using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace SosRap.Pipeline.IO;

/// <summary>Reads JSON Lines into drafts: one object per line, typed values checked per column.</summary>
internal sealed class JsonlRowSource
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    private readonly ByteInput _input;
    private readonly int _maxLineBytes;

    public JsonlRowSource(ByteInput input, int maxLineBytes)
    {
        _input = input;
        _maxLineBytes = maxLineBytes;
    }

    public async IAsyncEnumerable<RowDraft> ReadAsync(ProblemCollector problems, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _input.SkipBomAsync(cancellationToken).ConfigureAwait(false);
        var unknownSeen = new HashSet<string>(StringComparer.Ordinal);
        long lineNumber = 0;
        while (true)
        {
            // Find the end of the next line, reading more as needed.
            var scanned = 0;
            var tooLong = false;
            int length;
            long offset = _input.OffsetOf(_input.Pos);
            while (true)
            {
                var unread = _input.Unread;
                var nl = unread[scanned..].IndexOf((byte)'\n');
                if (nl >= 0)
                {
                    length = scanned + nl;
                    break;
                }

                scanned = unread.Length;
                if (scanned > _maxLineBytes)
                {
                    // Drop what was read of an over-long line; keep scanning for its end.
                    tooLong = true;
                    _input.Pos = _input.End;
                    scanned = 0;
                }

                if (!await _input.FillAsync(cancellationToken).ConfigureAwait(false))
                {
                    length = _input.End - _input.Pos;
                    break;
                }
            }

            if (_input.Eof && length == 0 && _input.Pos == _input.End && !tooLong) yield break;

            lineNumber++;
            var lineSpan = _input.Buffer.AsSpan(_input.Pos, length);
            var consumed = Math.Min(length + 1, _input.End - _input.Pos);
            if (!lineSpan.IsEmpty && lineSpan[^1] == (byte)'\r') lineSpan = lineSpan[..^1];

            if (tooLong)
            {
                var d = new RowDraft(lineNumber) { FieldsRead = false };
                d.Error(null, $"rivi on yli {N(_maxLineBytes)} tavua pitkä; sitä ei luettu");
                d.WriteOriginal = w => w.WriteString("line", "");
                _input.Pos += consumed;
                yield return d;
                continue;
            }

            if (lineSpan.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t']).IsEmpty)
            {
                _input.Pos += consumed;
                if (_input.Eof && _input.Pos >= _input.End) yield break;
                continue;
            }

            var bytes = lineSpan.ToArray();
            _input.Pos += consumed;
            yield return ParseLine(bytes, lineNumber, offset, problems, unknownSeen);
        }
    }

    private static RowDraft ParseLine(byte[] bytes, long lineNumber, long offset, ProblemCollector problems, HashSet<string> unknownSeen)
    {
        var d = new RowDraft(lineNumber);
        if (!Utf8Text.TryDecode(bytes, false, out var lossy, out var bad))
        {
            d.FieldsRead = false;
            d.Error(null, Utf8Text.InvalidMessage(bytes, bad, $"rivin {N(bad + 1)}. tavussa (tiedoston tavu {N(offset + bad)})"));
            d.WriteOriginal = w => w.WriteString("line", lossy);
            return d;
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, DocumentOptions);
        }
        catch (JsonException e)
        {
            d.FieldsRead = false;
            var at = e.BytePositionInLine is { } p ? $" rivin {N(p + 1)}. tavun kohdalla" : "";
            d.Error(null, $"virheellistä JSONia{at}; jokaisella rivillä pitää olla yksi JSON-olio");
            d.WriteOriginal = w => w.WriteString("line", lossy);
            return d;
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                d.FieldsRead = false;
                d.Error(null, $"rivi ei ole JSON-olio vaan {KindName(root.ValueKind)}");
                d.WriteOriginal = w => w.WriteString("line", lossy);
                return d;
            }

            var seen = 0;
            foreach (var property in root.EnumerateObject())
            {
                var column = ReportColumns.IndexOf(property.Name);
                if (column < 0)
                {
                    if (unknownSeen.Add(property.Name))
                        problems.Add(ProblemSeverity.Warning, lineNumber, RowChecker.Safe(property.Name), "tuntematon kenttä; sen arvot ohitetaan (varoitus annetaan kerran)");
                    continue;
                }

                if ((seen & (1 << column)) != 0)
                {
                    d.Error(property.Name, "kenttä esiintyy rivillä kahdesti");
                    continue;
                }

                seen |= 1 << column;
                SetValue(d, column, property.Value);
            }
        }

        d.WriteOriginal = w =>
        {
            w.WritePropertyName("record");
            w.WriteRawValue(bytes, skipInputValidation: true);
        };
        return d;
    }

    private static void SetValue(RowDraft d, int column, JsonElement value)
    {
        var name = ReportColumns.All[column];
        if (value.ValueKind == JsonValueKind.Null) return;
        switch (name)
        {
            case ReportColumns.Categories:
                if (value.ValueKind != JsonValueKind.Array)
                {
                    d.Error(name, $"odotettiin taulukkoa luokkien tunnuksia (esim. [\"asuminen\"]), löytyi {KindName(value.ValueKind)}");
                    return;
                }

                var list = new List<string>(value.GetArrayLength());
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String) list.Add(item.GetString()!);
                    else d.Error(name, $"luokan tunnuksen pitää olla merkkijono, löytyi {KindName(item.ValueKind)}");
                }

                if (list.Count > 0) d.MarkFilled(column);
                d.Categories = list;
                return;

            case ReportColumns.AffectedClients:
                if (value.ValueKind != JsonValueKind.Number)
                {
                    d.Error(name, $"odotettiin kokonaislukua, löytyi {KindName(value.ValueKind)}");
                    return;
                }

                d.MarkFilled(column);
                // 12.0 is accepted: tools that store integer columns with gaps as floats write it so.
                long n;
                if (!value.TryGetInt64(out n))
                {
                    if (value.TryGetDouble(out var x) && x == Math.Floor(x) && Math.Abs(x) < 1e15) n = (long)x;
                    else
                    {
                        d.Error(name, "arvo ei ole kokonaisluku; odotettiin asiakkaiden määrää (esim. 12)");
                        return;
                    }
                }

                if (FieldParsers.TryCount(n, out var count, out var error)) d.AffectedClients = count;
                else d.Error(name, error);
                return;

            case ReportColumns.ContainsPii:
                if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    d.MarkFilled(column);
                    d.ContainsPii = value.GetBoolean();
                }
                else d.Error(name, $"odotettiin totuusarvoa true tai false, löytyi {KindName(value.ValueKind)}");

                return;

            case ReportColumns.Id when value.ValueKind == JsonValueKind.Number:
                // Numeric ids (as some tools write them) are taken as their text.
                DraftFields.SetText(d, column, value.GetRawText());
                return;

            default:
                if (value.ValueKind != JsonValueKind.String)
                {
                    d.Error(name, $"odotettiin merkkijonoa, löytyi {KindName(value.ValueKind)}");
                    return;
                }

                DraftFields.SetText(d, column, value.GetString()!);
                return;
        }
    }

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "olio",
        JsonValueKind.Array => "taulukko",
        JsonValueKind.String => "merkkijono",
        JsonValueKind.Number => "luku",
        JsonValueKind.True or JsonValueKind.False => "totuusarvo",
        JsonValueKind.Null => "null",
        _ => "tuntematon arvo",
    };

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}

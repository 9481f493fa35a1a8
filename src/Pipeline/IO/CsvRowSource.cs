using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace SosRap.Pipeline.IO;

/// <summary>Reads CSV rows into drafts: header mapping, field count, quoting and UTF-8 checks.</summary>
internal sealed class CsvRowSource
{
    private readonly ByteInput _input;
    private readonly string _source;
    private readonly char? _delimiter;
    private readonly int _maxFieldLength;

    public CsvRowSource(ByteInput input, string source, char? delimiter, int maxFieldLength)
    {
        _input = input;
        _source = source;
        _delimiter = delimiter;
        _maxFieldLength = maxFieldLength;
    }

    /// <summary>The delimiter in use, once the header has been read.</summary>
    public char Delimiter { get; private set; } = ',';

    public async IAsyncEnumerable<RowDraft> ReadAsync(ProblemCollector problems, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _input.SkipBomAsync(cancellationToken).ConfigureAwait(false);
        // Up to 3 UTF-8 bytes per UTF-16 character, so the byte cap never cuts below the character cap.
        var parser = new CsvParser(_input, checked(_maxFieldLength * 3 + 4));
        if (_delimiter is { } d) parser.Delimiter = (byte)d;
        else await parser.DetectDelimiterAsync(cancellationToken).ConfigureAwait(false);
        Delimiter = (char)parser.Delimiter;

        if (!await parser.ReadAsync(cancellationToken).ConfigureAwait(false)) yield break;
        var (header, columnOf) = ReadHeader(parser, problems);

        while (await parser.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadRow(parser, header, columnOf);
        }
    }

    private (string[] Header, int[] ColumnOf) ReadHeader(CsvParser parser, ProblemCollector problems)
    {
        var line = parser.Line;
        if (parser.UnterminatedQuoteLine != 0)
            throw new InputException($"otsikkorivin lainausmerkkiä (rivi {N(parser.UnterminatedQuoteLine)}) ei suljettu", _source, line);

        var header = new string[parser.Count];
        var columnOf = new int[parser.Count];
        var seen = new Dictionary<int, int>();
        for (var i = 0; i < parser.Count; i++)
        {
            if (!Utf8Text.TryDecode(parser.Field(i), false, out var name, out var bad))
                throw new InputException(Utf8Text.InvalidMessage(parser.Field(i), bad, $"otsikkorivin {N(i + 1)}. sarakkeessa"), _source, line);
            header[i] = name;
            var key = name.Trim().ToLowerInvariant();
            var column = ReportColumns.IndexOf(key);
            columnOf[i] = column;
            if (column < 0)
            {
                problems.Add(ProblemSeverity.Warning, line, name.Trim(), "tuntematon sarake; sen arvot ohitetaan");
            }
            else if (!seen.TryAdd(column, i))
            {
                throw new InputException($"sarake on otsikkorivillä kahdesti ({N(seen[column] + 1)}. ja {N(i + 1)}. sarake)", _source, line, key);
            }
        }

        foreach (var required in (ReadOnlySpan<string>)[ReportColumns.Id, ReportColumns.Phenomenon])
        {
            if (!seen.ContainsKey(ReportColumns.IndexOf(required)))
            {
                var delimiterHint = header.Length == 1 && _delimiter is null
                    ? "; otsikkorivillä ei ole erottimia , tai ; — onko tiedosto CSV?"
                    : "";
                throw new InputException($"pakollinen sarake puuttuu otsikkoriviltä{delimiterHint}", _source, line, required);
            }
        }

        return (header, columnOf);
    }

    private RowDraft ReadRow(CsvParser parser, string[] header, int[] columnOf)
    {
        var d = new RowDraft(parser.Line);
        var count = parser.Count;
        var values = new string[count];

        if (parser.UnterminatedQuoteLine != 0)
        {
            d.FieldsRead = false;
            d.Error(FieldName(header, parser.UnterminatedQuoteField),
                $"rivillä {N(parser.UnterminatedQuoteLine)} avattua lainausmerkkiä ei suljettu ennen tiedoston loppua");
        }
        else if (count != header.Length)
        {
            d.FieldsRead = false;
            d.Error(null, $"rivillä on {N(count)} kenttää, otsikkorivillä {N(header.Length)} (erotin '{Delimiter}'); tarkista lainausmerkit ja erottimet");
        }

        if (parser.StrayQuoteLine != 0)
        {
            d.Error(FieldName(header, parser.StrayQuoteField),
                $"suljetun lainausmerkin jälkeen on ylimääräinen merkki rivillä {N(parser.StrayQuoteLine)}; lainaa koko kenttä ja kahdenna sen lainausmerkit (\"\")");
        }

        for (var i = 0; i < count; i++)
        {
            var bytes = parser.Field(i);
            var overflow = parser.FieldOverflowed(i);
            if (!Utf8Text.TryDecode(bytes, overflow, out var text, out var bad))
            {
                d.Error(FieldName(header, i), Utf8Text.InvalidMessage(bytes, bad, $"kentän {N(bad + 1)}. tavussa"));
                values[i] = text;
                continue;
            }

            values[i] = text;
            if (overflow)
            {
                // Cut while reading so that one runaway field cannot exhaust memory.
                var name = FieldName(header, i);
                if (columnOf[i] == ReportColumns.IndexOf(ReportColumns.Id))
                    d.Error(name, $"id on yli {N(_maxFieldLength)} merkkiä pitkä");
                else
                    d.Warning(name, $"kenttä on yli {N(bytes.Length)} tavua pitkä; katkaistu {N(_maxFieldLength)} merkkiin");
                text = TextLimits.Cut(text, _maxFieldLength);
            }

            if (d.FieldsRead && columnOf[i] >= 0) DraftFields.SetText(d, columnOf[i], text);
        }

        d.WriteOriginal = w => WriteOriginal(w, header, values, d.FieldsRead);
        return d;
    }

    private static void WriteOriginal(Utf8JsonWriter w, string[] header, string[] values, bool fieldsRead)
    {
        if (fieldsRead)
        {
            w.WriteStartObject("record");
            for (var i = 0; i < values.Length; i++) w.WriteString(header[i], values[i]);
            w.WriteEndObject();
        }
        else
        {
            w.WriteStartArray("fields");
            foreach (var v in values) w.WriteStringValue(v);
            w.WriteEndArray();
        }
    }

    private static string? FieldName(string[] header, int index) => index < header.Length ? header[index].Trim() : null;

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}

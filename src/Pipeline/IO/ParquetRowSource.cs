using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace SosRap.Pipeline.IO;

/// <summary>
/// Reads Parquet row group by row group (one group's columns in memory at a time). Accepts the
/// layout SosRap writes and the usual variants of other tools: optional or required columns,
/// DATE, timestamp at midnight or ISO text dates, any integer width, list or legacy repeated
/// categories, or categories as one <c>|</c>-separated string.
/// </summary>
internal sealed class ParquetRowSource
{
    private static readonly ParquetOptions ReadOptions = new() { UseDateOnlyTypeForDates = true, TreatByteArrayAsString = true };

    private readonly Stream _stream;
    private readonly string _source;

    public ParquetRowSource(Stream stream, string source)
    {
        _stream = stream;
        _source = source;
    }

    private sealed record MappedColumn(int Column, DataField Field, bool IsList);

    public async IAsyncEnumerable<RowDraft> ReadAsync(ProblemCollector problems, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(_stream, ReadOptions, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ParquetException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new InputException($"tiedostoa ei voi lukea Parquet-muodossa: {e.Message}", _source, inner: e);
        }

        await using (reader.ConfigureAwait(false))
        {
            var columns = MapColumns(reader.Schema, problems);
            long rowBase = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var n = checked((int)group.RowCount);
                var cells = new Func<int, object?>[columns.Count];
                for (var c = 0; c < columns.Count; c++)
                {
                    cells[c] = columns[c].IsList
                        ? await ReadListAsync(group, columns[c].Field, n, cancellationToken).ConfigureAwait(false)
                        : await ReadScalarAsync(group, columns[c].Field, n, cancellationToken).ConfigureAwait(false);
                }

                for (var r = 0; r < n; r++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var d = new RowDraft(rowBase + r + 1);
                    var values = new object?[columns.Count];
                    for (var c = 0; c < columns.Count; c++)
                    {
                        values[c] = cells[c](r);
                        Apply(d, columns[c].Column, values[c]);
                    }

                    d.WriteOriginal = w => WriteOriginal(w, columns, values);
                    yield return d;
                }

                rowBase += n;
            }
        }
    }

    private List<MappedColumn> MapColumns(ParquetSchema schema, ProblemCollector problems)
    {
        var mapped = new List<MappedColumn>();
        foreach (var field in schema.Fields)
        {
            var column = ReportColumns.IndexOf(field.Name.ToLowerInvariant());
            if (column < 0)
            {
                problems.Add(ProblemSeverity.Warning, null, field.Name, "tuntematon sarake; sen arvot ohitetaan");
                continue;
            }

            var name = ReportColumns.All[column];
            if (mapped.Exists(m => m.Column == column))
                throw new InputException("sarake on tiedostossa kahdesti", _source, field: name);

            var entry = field switch
            {
                ListField { Item: DataField item } => new MappedColumn(column, item, IsList: true),
                DataField { IsArray: true } array => new MappedColumn(column, array, IsList: true),
                DataField data => new MappedColumn(column, data, IsList: false),
                _ => null,
            };
            if (entry is null || !Accepts(name, entry))
                throw new InputException($"sarakkeen tyyppi ({Describe(field)}) ei käy; odotettiin {Expected(name)}", _source, field: name);
            mapped.Add(entry);
        }

        foreach (var required in (ReadOnlySpan<string>)[ReportColumns.Id, ReportColumns.Phenomenon])
        {
            if (!mapped.Exists(m => ReportColumns.All[m.Column] == required))
                throw new InputException("pakollinen sarake puuttuu tiedostosta", _source, field: required);
        }

        return mapped;
    }

    private static bool Accepts(string name, MappedColumn m)
    {
        var t = m.Field.ClrType;
        var isString = t == typeof(ReadOnlyMemory<char>);
        return name switch
        {
            ReportColumns.Categories => isString,
            _ when m.IsList => false,
            ReportColumns.ReportedAt => isString || t == typeof(DateOnly) || t == typeof(DateTime),
            ReportColumns.AffectedClients => isString || IsInteger(t) || t == typeof(double) || t == typeof(float),
            ReportColumns.ContainsPii => isString || t == typeof(bool),
            ReportColumns.Id => isString || IsInteger(t),
            _ => isString,
        };
    }

    private static bool IsInteger(Type t) =>
        t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(sbyte) || t == typeof(byte) || t == typeof(ushort) || t == typeof(uint);

    private static string Expected(string name) => name switch
    {
        ReportColumns.Categories => "merkkijonojen listaa (list<string>) tai merkkijonoa",
        ReportColumns.ReportedAt => "DATE-päivämäärää tai merkkijonoa VVVV-KK-PP",
        ReportColumns.AffectedClients => "kokonaislukua",
        ReportColumns.ContainsPii => "totuusarvoa (BOOLEAN)",
        _ => "merkkijonoa (STRING)",
    };

    private static string Describe(Field f) => f switch
    {
        ListField l => $"list<{(l.Item is DataField d ? d.ClrType.Name : l.Item.SchemaType.ToString())}>",
        DataField d => d.ClrType == typeof(ReadOnlyMemory<char>) ? "string" : d.ClrType.Name,
        _ => f.SchemaType.ToString(),
    };

    private static void Apply(RowDraft d, int column, object? value)
    {
        var name = ReportColumns.All[column];
        switch (value)
        {
            case null:
                return;
            case string s:
                DraftFields.SetText(d, column, s);
                return;
            case List<string> list:
                if (list.Count > 0) d.MarkFilled(column);
                d.Categories = list;
                return;
            case DateOnly date:
                d.MarkFilled(column);
                d.ReportedAt = date;
                return;
            case DateTime time:
                d.MarkFilled(column);
                if (time.TimeOfDay == TimeSpan.Zero) d.ReportedAt = DateOnly.FromDateTime(time);
                else d.Error(name, "aikaleimassa on kellonaika; odotettiin pelkkää päivämäärää (DATE)");
                return;
            case bool b:
                d.MarkFilled(column);
                d.ContainsPii = b;
                return;
            case double or float:
                d.MarkFilled(column);
                var x = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (x != Math.Floor(x) || Math.Abs(x) > 1e15) d.Error(name, "arvo ei ole kokonaisluku; odotettiin asiakkaiden määrää (esim. 12)");
                else if (FieldParsers.TryCount((long)x, out var c, out var e)) d.AffectedClients = c;
                else d.Error(name, e);
                return;
            default:
                var n = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                if (column == ReportColumns.IndexOf(ReportColumns.Id))
                {
                    DraftFields.SetText(d, column, n.ToString(CultureInfo.InvariantCulture));
                    return;
                }

                d.MarkFilled(column);
                if (FieldParsers.TryCount(n, out var count, out var error)) d.AffectedClients = count;
                else d.Error(name, error);
                return;
        }
    }

    /// <summary>
    /// Reads one column of a row group; the returned accessor makes a row's value on demand, so
    /// strings are created one row at a time rather than for the whole group at once.
    /// </summary>
    private static async Task<Func<int, object?>> ReadScalarAsync(ParquetRowGroupReader group, DataField field, int n, CancellationToken ct)
    {
        var t = field.ClrType;
        if (t == typeof(ReadOnlyMemory<char>))
        {
            var raw = await ReadRawAsync<ReadOnlyMemory<char>>(group, field, n, ct).ConfigureAwait(false);
            return i => raw[i] is { } m ? new string(m.Span) : null;
        }

        if (t == typeof(DateOnly)) return Box(await ReadRawAsync<DateOnly>(group, field, n, ct).ConfigureAwait(false));
        if (t == typeof(DateTime)) return Box(await ReadRawAsync<DateTime>(group, field, n, ct).ConfigureAwait(false));
        if (t == typeof(bool)) return Box(await ReadRawAsync<bool>(group, field, n, ct).ConfigureAwait(false));
        if (t == typeof(int)) return Box(await ReadRawAsync<int>(group, field, n, ct).ConfigureAwait(false));
        if (t == typeof(long)) return Box(await ReadRawAsync<long>(group, field, n, ct).ConfigureAwait(false));
        if (t == typeof(short)) return Box(await ReadRawAsync<short>(group, field, n, ct).ConfigureAwait(false));
        if (t == typeof(sbyte)) return Box(await ReadRawAsync<sbyte>(group, field, n, ct).ConfigureAwait(false));
        if (t == typeof(byte)) return Box(await ReadRawAsync<byte>(group, field, n, ct).ConfigureAwait(false));
        if (t == typeof(ushort)) return Box(await ReadRawAsync<ushort>(group, field, n, ct).ConfigureAwait(false));
        if (t == typeof(uint)) return Box(await ReadRawAsync<uint>(group, field, n, ct).ConfigureAwait(false));
        if (t == typeof(double)) return Box(await ReadRawAsync<double>(group, field, n, ct).ConfigureAwait(false));
        if (t == typeof(float)) return Box(await ReadRawAsync<float>(group, field, n, ct).ConfigureAwait(false));
        throw new NotSupportedException($"column type {t} is not mapped");
    }

    private static Func<int, object?> Box<T>(T?[] values) where T : struct => i => values[i] is { } x ? x : null;

    /// <summary>Reads a flat column: values come back without the nulls, definition levels say where they go.</summary>
    private static async Task<T?[]> ReadRawAsync<T>(ParquetRowGroupReader group, DataField field, int n, CancellationToken ct) where T : struct
    {
        var result = new T?[n];
        if (group.GetMetadata(field) is null) return result; // column absent from this row group: all null
        var values = new T[n];
        var definition = field.MaxDefinitionLevel > 0 ? new int[n] : null;
        await group.ReadRawAsync(field, values.AsMemory(), definition?.AsMemory(), null, ct).ConfigureAwait(false);
        var vi = 0;
        for (var i = 0; i < n; i++)
        {
            if (definition is null || definition[i] == field.MaxDefinitionLevel) result[i] = values[vi++];
        }

        return result;
    }

    /// <summary>
    /// Reads a list column and rebuilds each row's list from the Dremel levels: repetition 0
    /// starts a row; only entries at the full definition level carry a value (lower ones are an
    /// empty or null list, or a null element, all read as "no category").
    /// </summary>
    private static async Task<Func<int, object?>> ReadListAsync(ParquetRowGroupReader group, DataField field, int n, CancellationToken ct)
    {
        var rows = new List<string>?[n];
        var chunk = group.GetMetadata(field);
        if (chunk?.MetaData is null) return i => rows[i];
        var count = checked((int)chunk.MetaData.NumValues);
        var values = new ReadOnlyMemory<char>[count];
        var definition = new int[count];
        var repetition = new int[count];
        await group.ReadRawAsync(field, values.AsMemory(), definition.AsMemory(), repetition.AsMemory(), ct).ConfigureAwait(false);
        int row = -1, vi = 0;
        List<string>? current = null;
        for (var i = 0; i < count; i++)
        {
            if (repetition[i] == 0)
            {
                row++;
                current = [];
                rows[row] = current;
            }

            if (definition[i] == field.MaxDefinitionLevel) current!.Add(new string(values[vi++].Span));
        }

        return i => rows[i];
    }

    private static void WriteOriginal(Utf8JsonWriter w, List<MappedColumn> columns, object?[] values)
    {
        w.WriteStartObject("record");
        for (var c = 0; c < columns.Count; c++)
        {
            w.WritePropertyName(ReportColumns.All[columns[c].Column]);
            switch (values[c])
            {
                case null: w.WriteNullValue(); break;
                case string s: w.WriteStringValue(s); break;
                case bool b: w.WriteBooleanValue(b); break;
                case DateOnly d: w.WriteStringValue(d.ToString(FieldParsers.DateFormat, CultureInfo.InvariantCulture)); break;
                case DateTime t: w.WriteStringValue(t.ToString("O", CultureInfo.InvariantCulture)); break;
                case List<string> list:
                    w.WriteStartArray();
                    foreach (var item in list) w.WriteStringValue(item);
                    w.WriteEndArray();
                    break;
                default: w.WriteNumberValue(Convert.ToDouble(values[c], CultureInfo.InvariantCulture)); break;
            }
        }

        w.WriteEndObject();
    }
}

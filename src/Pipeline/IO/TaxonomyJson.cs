using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using SosRap.Models;

namespace SosRap.Pipeline.IO;

/// <summary>
/// Loads and saves a taxonomy as a JSON array of
/// <c>{"id","name","description","terms"?:[…],"support_need"?:"…"}</c>. Errors name the file and
/// line: invalid JSON (with the position), a missing or mistyped field, a duplicate or unusable id.
/// Unknown properties are ignored so that files may carry extra notes.
/// </summary>
public static class TaxonomyJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads and checks the taxonomy file at <paramref name="path"/>.</summary>
    /// <exception cref="InputException">The file is not a valid taxonomy; the message says where.</exception>
    public static async Task<Taxonomy> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(bytes, path);
    }

    /// <summary>Parses taxonomy JSON (UTF-8, BOM allowed); <paramref name="source"/> names it in errors.</summary>
    public static Taxonomy Parse(ReadOnlySpan<byte> utf8, string source)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
        if (utf8.Trim(" \t\r\n"u8).IsEmpty) throw new InputException("tiedosto on tyhjä; odotettiin JSON-taulukkoa luokista", source);
        var lines = new LineIndex(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false });
        var categories = new List<Category>();
        var firstLineOfId = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
                throw new InputException("odotettiin JSON-taulukkoa luokista ([{\"id\": …}, …])", source, lines.LineOf(reader.TokenStartIndex));

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = lines.LineOf(reader.TokenStartIndex);
                var position = categories.Count + 1;
                if (reader.TokenType != JsonTokenType.StartObject)
                    throw new InputException($"luokka {N(position)} ei ole JSON-olio", source, line);
                var category = ReadCategory(ref reader, source, line, position);
                if (!firstLineOfId.TryAdd(category.Id, line))
                    throw new InputException($"luokan tunnus '{RowChecker.Safe(category.Id)}' on jo rivillä {N(firstLineOfId[category.Id])}", source, line, "id");
                categories.Add(category);
            }

            if (reader.Read())
                throw new InputException("taulukon jälkeen on ylimääräistä sisältöä", source, lines.LineOf(reader.TokenStartIndex));
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            throw new InputException($"virheellistä JSONia rivin {N(line)} kohdassa {N(column)}", source, line, inner: e);
        }

        return new Taxonomy(categories);
    }

    private static Category ReadCategory(ref Utf8JsonReader reader, string source, long line, int position)
    {
        string? id = null, name = null, description = null, supportNeed = null;
        List<string>? terms = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var property = reader.GetString()!;
            reader.Read();
            switch (property)
            {
                case "id": id = String(ref reader, property, required: true); break;
                case "name": name = String(ref reader, property, required: true); break;
                case "description": description = String(ref reader, property, required: true); break;
                case "support_need": supportNeed = String(ref reader, property, required: false); break;
                case "terms":
                    if (reader.TokenType == JsonTokenType.Null) break;
                    if (reader.TokenType != JsonTokenType.StartArray) throw Bad(property, "odotettiin taulukkoa merkkijonoja");
                    terms = [];
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType != JsonTokenType.String) throw Bad(property, "termin pitää olla merkkijono");
                        terms.Add(reader.GetString()!);
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        foreach (var (field, value) in (ReadOnlySpan<(string, string?)>)[("id", id), ("name", name), ("description", description)])
        {
            if (value is null) throw new InputException($"luokalta {N(position)} puuttuu kenttä '{field}'", source, line, field);
        }

        if (id!.Trim().Length != id.Length || id.Length == 0 || id.Contains('|', StringComparison.Ordinal) || id.Any(char.IsControl))
            throw new InputException($"luokan {N(position)} tunnus on tyhjä tai sisältää merkin '|', ohjausmerkin tai reunavälilyönnin", source, line, "id");
        if (name!.Trim().Length == 0) throw new InputException($"luokan {N(position)} nimi on tyhjä", source, line, "name");
        return new Category(id, name, description!, terms ?? [], supportNeed);

        InputException Bad(string field, string what) => new($"luokan {N(position)} kenttä: {what}", source, line, field);

        string? String(ref Utf8JsonReader r, string field, bool required)
        {
            if (r.TokenType == JsonTokenType.String) return r.GetString();
            if (r.TokenType == JsonTokenType.Null && !required) return null;
            throw Bad(field, "odotettiin merkkijonoa");
        }
    }

    /// <summary>Saves <paramref name="taxonomy"/> atomically, one category per line.</summary>
    public static Task SaveAsync(string path, Taxonomy taxonomy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        return AtomicFile.WriteAsync(path, async (stream, ct) =>
            await stream.WriteAsync(Serialize(taxonomy), ct).ConfigureAwait(false), cancellationToken);
    }

    /// <summary>The file form of <paramref name="taxonomy"/>: a JSON array, one category object per line.</summary>
    public static ReadOnlyMemory<byte> Serialize(Taxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("["u8);
        using var w = new Utf8JsonWriter(buffer, WriterOptions);
        for (var i = 0; i < taxonomy.Categories.Count; i++)
        {
            var c = taxonomy.Categories[i];
            buffer.Write(i == 0 ? "\n  "u8 : ",\n  "u8);
            w.Reset(buffer);
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("name", c.Name);
            w.WriteString("description", c.Description);
            if (c.Terms.Count > 0)
            {
                w.WriteStartArray("terms");
                foreach (var t in c.Terms) w.WriteStringValue(t);
                w.WriteEndArray();
            }

            if (c.SupportNeed is not null) w.WriteString("support_need", c.SupportNeed);
            w.WriteEndObject();
            w.Flush();
        }

        buffer.Write("\n]\n"u8);
        return buffer.WrittenMemory;
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Maps byte offsets to 1-based line numbers.</summary>
    private readonly ref struct LineIndex(ReadOnlySpan<byte> text)
    {
        private readonly ReadOnlySpan<byte> _text = text;

        public long LineOf(long offset) => _text[..(int)Math.Min(offset, _text.Length)].Count((byte)'\n') + 1;
    }
}

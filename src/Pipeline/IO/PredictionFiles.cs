using System.Text.Json;
using SosRap.Models;

namespace SosRap.Pipeline.IO;

/// <summary>
/// JSONL files of suggestions (<c>{"id","suggestions":[{"category","score"}]}</c>, best first) and
/// cluster assignments (<c>{"id","cluster"}</c>, <c>"-1"</c> for an outlier), as the evaluation
/// scripts read them. Written atomically to files, or to standard output for <c>-</c>.
/// </summary>
public static class PredictionFiles
{
    /// <summary>Writes suggestion records, one per line; <paramref name="includeEvidence"/> adds an <c>evidence</c> object per suggestion.</summary>
    public static Task<long> WriteSuggestionsAsync(string path, IAsyncEnumerable<ReportSuggestions> records, bool includeEvidence = false,
        CancellationToken cancellationToken = default) =>
        WriteLinesAsync(path, records, (w, r) =>
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteStartArray("suggestions");
            foreach (var s in r.Suggestions)
            {
                if (!float.IsFinite(s.Score))
                    throw new ArgumentException($"Suggestion '{s.Category}' of report '{r.Id}' has a score that is not finite.", nameof(records));
                w.WriteStartObject();
                w.WriteString("category", s.Category);
                w.WriteNumber("score", s.Score);
                if (includeEvidence && s.Evidence is { } e)
                {
                    w.WriteStartObject("evidence");
                    w.WriteStartArray("lemmas");
                    foreach (var l in e.Lemmas) w.WriteStringValue(l);
                    w.WriteEndArray();
                    w.WriteStartArray("similar_reports");
                    foreach (var id in e.SimilarReportIds) w.WriteStringValue(id);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }, cancellationToken);

    /// <summary>Writes cluster assignments, one per line.</summary>
    public static Task<long> WriteClustersAsync(string path, IAsyncEnumerable<ClusterAssignment> records, CancellationToken cancellationToken = default) =>
        WriteLinesAsync(path, records, (w, r) =>
        {
            w.WriteStartObject();
            w.WriteString("id", r.Id);
            w.WriteString("cluster", r.Cluster);
            w.WriteEndObject();
        }, cancellationToken);

    /// <summary>Reads suggestion records (evidence, when present, is read too).</summary>
    /// <exception cref="InputException">A line is not a valid record; the message names file and line.</exception>
    public static async IAsyncEnumerable<ReportSuggestions> ReadSuggestionsAsync(string path,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (line, root) in ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            var id = RequiredString(root, "id", path, line);
            if (!root.TryGetProperty("suggestions", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new InputException("odotettiin taulukkoa 'suggestions'", path, line, "suggestions");
            var suggestions = new List<CategorySuggestion>(list.GetArrayLength());
            foreach (var s in list.EnumerateArray())
            {
                if (s.ValueKind != JsonValueKind.Object || !s.TryGetProperty("score", out var score) || score.ValueKind != JsonValueKind.Number)
                    throw new InputException("ehdotukselta puuttuu luku 'score'", path, line, "suggestions");
                SuggestionEvidence? evidence = null;
                if (s.TryGetProperty("evidence", out var e) && e.ValueKind == JsonValueKind.Object)
                    evidence = new SuggestionEvidence(Strings(e, "lemmas"), Strings(e, "similar_reports"));
                suggestions.Add(new CategorySuggestion(RequiredString(s, "category", path, line), score.GetSingle(), evidence));
            }

            yield return new ReportSuggestions(id, suggestions);
        }
    }

    /// <summary>Reads cluster assignments; a numeric cluster (e.g. <c>-1</c>) is taken as its text.</summary>
    public static async IAsyncEnumerable<ClusterAssignment> ReadClustersAsync(string path,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (line, root) in ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            var id = RequiredString(root, "id", path, line);
            if (!root.TryGetProperty("cluster", out var c) || c.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
                throw new InputException("odotettiin kenttää 'cluster' (merkkijono)", path, line, "cluster");
            yield return new ClusterAssignment(id, c.ValueKind == JsonValueKind.String ? c.GetString()! : c.GetRawText());
        }
    }

    private static async Task<long> WriteLinesAsync<T>(string path, IAsyncEnumerable<T> records, Action<Utf8JsonWriter, T> write, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(records);
        long count = 0;
        async Task WriteTo(Stream stream, CancellationToken ct)
        {
            var lines = new JsonlLineWriter(stream);
            await using (lines.ConfigureAwait(false))
            {
                await foreach (var r in records.WithCancellation(ct).ConfigureAwait(false))
                {
                    write(lines.Begin(), r);
                    await lines.EndAsync(ct).ConfigureAwait(false);
                    count++;
                }

                await lines.FlushAsync(ct).ConfigureAwait(false);
            }
        }

        if (path == ReportFormats.StandardStream)
        {
            var stdout = Console.OpenStandardOutput();
            await using (stdout.ConfigureAwait(false)) await WriteTo(stdout, cancellationToken).ConfigureAwait(false);
        }
        else await AtomicFile.WriteAsync(path, WriteTo, cancellationToken).ConfigureAwait(false);

        return count;
    }

    private static async IAsyncEnumerable<(long Line, JsonElement Root)> ReadLinesAsync(string path,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = path == ReportFormats.StandardStream ? Console.OpenStandardInput() : File.OpenRead(path);
        using var reader = new StreamReader(stream, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
        long line = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            JsonElement root;
            try
            {
                using var doc = JsonDocument.Parse(text);
                root = doc.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new InputException($"virheellistä JSONia kohdassa {(e.BytePositionInLine ?? 0) + 1}", path, line, inner: e);
            }

            if (root.ValueKind != JsonValueKind.Object) throw new InputException("rivi ei ole JSON-olio", path, line);
            yield return (line, root);
        }
    }

    private static string RequiredString(JsonElement e, string name, string path, long line) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s
            : throw new InputException($"odotettiin ei-tyhjää merkkijonoa '{name}'", path, line, name);

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];
}

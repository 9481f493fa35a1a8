using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SosRap.Pipeline.IO;

namespace SosRap.Pipeline.Clustering;

/// <summary>
/// The cluster description file of <c>sosrap cluster --clusters</c>: one JSON object per cluster
/// and line (snake_case fields: id, label, keywords with weights, size, members, representatives,
/// municipalities, service_areas, periods, categories, trend, is_candidate_new_theme, novelty).
/// A previous run's file is read back for stable ids (only id and members are needed).
/// </summary>
public static class ClusterFiles
{
    /// <summary>Serializer settings of the file: snake_case, enums as snake_case strings, Finnish letters unescaped.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Writes the clusters, one per line, atomically.</summary>
    public static Task WriteAsync(string path, IReadOnlyList<ThemeCluster> clusters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        return AtomicFile.WriteAsync(path, async (stream, ct) =>
        {
            var newline = "\n"u8.ToArray();
            foreach (var c in clusters)
            {
                await JsonSerializer.SerializeAsync(stream, c, JsonOptions, ct).ConfigureAwait(false);
                await stream.WriteAsync(newline, ct).ConfigureAwait(false);
            }
        }, cancellationToken);
    }

    /// <summary>Reads id and members of each cluster of a previous run's file.</summary>
    /// <exception cref="InputException">A line is not a cluster object; the message names file and line.</exception>
    public static async Task<List<(string Id, IReadOnlyCollection<string> Members)>> ReadPreviousAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new InputException("tiedostoa ei löydy", path);
        var result = new List<(string, IReadOnlyCollection<string>)>();
        long line = 0;
        foreach (var text in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            try
            {
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
                    throw new InputException("odotettiin ryhmää, jolla on merkkijonokenttä 'id'", path, line, "id");
                if (!root.TryGetProperty("members", out var members) || members.ValueKind != JsonValueKind.Array)
                    throw new InputException("odotettiin jäsenluetteloa 'members'", path, line, "members");
                result.Add((id.GetString()!, members.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!).ToList()));
            }
            catch (JsonException e)
            {
                throw new InputException("virheellistä JSONia", path, line, inner: e);
            }
        }

        return result;
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SosRap.Models;
using SosRap.Pipeline.Features;
using SosRap.Pipeline.IO;

namespace SosRap.Pipeline.Suggestions;

/// <summary>
/// The model directory: <c>manifest.json</c>, <c>taxonomy.json</c>, <c>featurizer.bin</c> (the tf-idf
/// model), <c>backends.bin</c> (kNN history, centroid sums, linear weights, zero-shot vectors) and
/// <c>feedback.jsonl</c>. Written into a temporary sibling directory and renamed into place, so a
/// reader never sees a half-written model.
/// </summary>
internal static class ModelDirectory
{
    public const string ManifestFile = "manifest.json";
    public const string TaxonomyFile = "taxonomy.json";
    public const string FeaturizerFile = "featurizer.bin";
    public const string BackendsFile = "backends.bin";
    public const string FeedbackFile = "feedback.jsonl";
    private const string Magic = "SOSRAPSG";
    private const int BackendsVersion = 1;
    private static readonly object FeedbackGate = new();

    public static byte[] SerializeBackends(TrainedParts parts)
    {
        using var stream = new MemoryStream();
        WriteBackends(stream, parts);
        return stream.ToArray();
    }

    public static async Task WriteAsync(string directory, Taxonomy taxonomy, TrainedParts parts, byte[] backends, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target)!;
        System.IO.Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, "." + Path.GetFileName(target) + ".tmp-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(temp);
        try
        {
            var taxonomyBytes = TaxonomyJson.Serialize(taxonomy);
            await File.WriteAllBytesAsync(Path.Combine(temp, TaxonomyFile), taxonomyBytes, cancellationToken).ConfigureAwait(false);
            await parts.Features.SaveAsync(Path.Combine(temp, FeaturizerFile), cancellationToken).ConfigureAwait(false);
            await File.WriteAllBytesAsync(Path.Combine(temp, BackendsFile), backends, cancellationToken).ConfigureAwait(false);

            var manifest = parts.Manifest with { TaxonomySha256 = Convert.ToHexStringLower(SHA256.HashData(taxonomyBytes.Span)) };
            await File.WriteAllTextAsync(Path.Combine(temp, ManifestFile), JsonSerializer.Serialize(manifest, SuggestionModel.Json), cancellationToken).ConfigureAwait(false);
            var feedback = Path.Combine(target, FeedbackFile);
            if (File.Exists(feedback)) File.Copy(feedback, Path.Combine(temp, FeedbackFile));
            cancellationToken.ThrowIfCancellationRequested();

            string? old = null;
            if (System.IO.Directory.Exists(target))
            {
                old = Path.Combine(parent, "." + Path.GetFileName(target) + ".old-" + Guid.NewGuid().ToString("N")[..8]);
                System.IO.Directory.Move(target, old);
            }

            System.IO.Directory.Move(temp, target);
            if (old is not null) System.IO.Directory.Delete(old, recursive: true);
        }
        catch
        {
            if (System.IO.Directory.Exists(temp)) System.IO.Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    public static (Taxonomy Taxonomy, TrainedParts Parts) Read(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
            throw new InputException($"mallihakemistoa ei ole: {directory} (opeta malli: sosrap train)", directory);
        var manifestPath = Required(directory, ManifestFile);
        SuggestionManifest manifest;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
            var version = doc.RootElement.TryGetProperty("format_version", out var v) && v.TryGetInt32(out var n) ? n : -1;
            if (version != SuggestionManifest.CurrentFormatVersion)
                throw new InputException(
                    $"mallin muotoversio on {version}, mutta tämä sosrap lukee muotoversiota {SuggestionManifest.CurrentFormatVersion}; opeta malli uudelleen (sosrap train)",
                    manifestPath, field: "format_version");
            manifest = doc.RootElement.Deserialize<SuggestionManifest>(SuggestionModel.Json)
                ?? throw new InputException("manifest.json on tyhjä", manifestPath);
        }
        catch (JsonException e)
        {
            throw new InputException($"manifest.json ei ole kelvollista JSONia: {e.Message}", manifestPath, inner: e);
        }

        var taxonomy = TaxonomyJson.Parse(File.ReadAllBytes(Required(directory, TaxonomyFile)), Path.Combine(directory, TaxonomyFile));
        TfidfModel features;
        try
        {
            features = TfidfModel.Load(Required(directory, FeaturizerFile));
        }
        catch (InvalidDataException e)
        {
            throw new InputException($"piirremalli on vioittunut: {e.Message}", Path.Combine(directory, FeaturizerFile), inner: e);
        }

        var backendsPath = Required(directory, BackendsFile);
        try
        {
            using var stream = File.OpenRead(backendsPath);
            return (taxonomy, ReadBackends(stream, taxonomy, features, manifest));
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException)
        {
            throw new InputException($"taustajärjestelmien tiedosto on vioittunut: {e.Message}", backendsPath, inner: e);
        }
    }

    private static string Required(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
            throw new InputException($"mallihakemistosta puuttuu tiedosto {file}; opeta malli uudelleen (sosrap train)", directory);
        return path;
    }

    public static IReadOnlyList<FeedbackRecord> ReadFeedback(string directory)
    {
        var path = Path.Combine(directory, FeedbackFile);
        if (!File.Exists(path)) return [];
        var list = new List<FeedbackRecord>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            try
            {
                list.Add(JsonSerializer.Deserialize<FeedbackRecord>(text, SuggestionModel.Json)
                    ?? throw new InputException("tyhjä palautetietue", path, line));
            }
            catch (JsonException e)
            {
                throw new InputException($"palautetietue ei ole kelvollista JSONia: {e.Message}", path, line, inner: e);
            }
        }

        return list;
    }

    public static void AppendFeedback(string directory, FeedbackRecord record)
    {
        var json = JsonSerializer.Serialize(record, SuggestionModel.JsonLine);
        lock (FeedbackGate)
        {
            using var stream = new FileStream(Path.Combine(directory, FeedbackFile), FileMode.Append, FileAccess.Write, FileShare.Read);
            var bytes = Encoding.UTF8.GetBytes(json + "\n");
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
    }

    private static void WriteBackends(Stream stream, TrainedParts parts)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes(Magic));
        w.Write(BackendsVersion);
        var categories = parts.ZeroShot.Categories.Count;
        w.Write(categories);
        w.Write(parts.Features.FeatureCount);
        foreach (var v in parts.ZeroShot.CategoryVectors) WriteSparse(w, v);

        w.Write(parts.Knn is not null);
        if (parts.Knn is { } knn)
        {
            var docs = knn.History.LiveDocs().ToArray();
            w.Write(docs.Length);
            foreach (var d in docs)
            {
                w.Write(knn.History.Id(d));
                var labels = knn.History.Labels(d);
                w.Write(labels.Length);
                foreach (var l in labels) w.Write(l);
                WriteSparse(w, knn.History.Vector(d));
            }
        }

        w.Write(parts.Centroid is not null);
        if (parts.Centroid is { } centroid)
            foreach (var s in centroid.Sums) WriteFloats(w, s);

        w.Write(parts.Linear is not null);
        if (parts.Linear is { } linear)
        {
            for (var c = 0; c < categories; c++)
            {
                WriteFloats(w, linear.Weights[c]);
                w.Write(linear.Bias[c]);
            }
        }
    }

    private static TrainedParts ReadBackends(Stream stream, Taxonomy taxonomy, TfidfModel features, SuggestionManifest manifest)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (Encoding.ASCII.GetString(r.ReadBytes(Magic.Length)) != Magic) throw new InvalidDataException("not a SosRap suggestion backends file");
        var version = r.ReadInt32();
        if (version != BackendsVersion) throw new InvalidDataException($"backends format version {version}, this build reads {BackendsVersion}");
        var categories = taxonomy.Categories.Select(c => c.Id).ToArray();
        var c = r.ReadInt32();
        var f = r.ReadInt32();
        if (c != categories.Length) throw new InvalidDataException($"{c} categories in the backends, {categories.Length} in taxonomy.json");
        if (f != features.FeatureCount) throw new InvalidDataException($"{f} features in the backends, {features.FeatureCount} in the featurizer");
        var zero = new ZeroShotSuggester(categories, features, Enumerable.Range(0, c).Select(_ => ReadSparse(r)).ToArray());
        KnnSuggester? knn = null;
        if (r.ReadBoolean())
        {
            var index = NeighbourIndex.For(features);
            var n = r.ReadInt32();
            for (var i = 0; i < n; i++)
            {
                var id = r.ReadString();
                var labels = new int[r.ReadInt32()];
                for (var k = 0; k < labels.Length; k++) labels[k] = r.ReadInt32();
                index.Upsert(id, ReadSparse(r), labels);
            }

            knn = new KnnSuggester(categories, index, manifest.Knn ?? new KnnOptions());
        }

        CentroidSuggester? centroid = null;
        if (r.ReadBoolean()) centroid = new CentroidSuggester(categories, features, Enumerable.Range(0, c).Select(_ => ReadFloats(r)).ToArray());
        LinearSuggester? linear = null;
        if (r.ReadBoolean())
        {
            var weights = new float[c][];
            var bias = new float[c];
            for (var k = 0; k < c; k++)
            {
                weights[k] = ReadFloats(r);
                bias[k] = r.ReadSingle();
            }

            linear = new LinearSuggester(categories, features, weights, bias);
        }

        EnsembleSuggester? ensemble = null;
        if (manifest.EnsembleMembers.Count > 0)
        {
            var byName = new Dictionary<string, ISuggester?> { ["knn"] = knn, ["linear"] = linear, ["centroid"] = centroid, ["zeroshot"] = zero };
            var members = manifest.EnsembleMembers.Select(m => byName.GetValueOrDefault(m)
                ?? throw new InvalidDataException($"ensemble member '{m}' is not in the backends file")).ToArray();
            ensemble = new EnsembleSuggester(categories, members, new Stacker([.. manifest.StackerWeights], manifest.StackerBias),
                manifest.CalibrationX.Count == 0 ? IsotonicCalibration.Identity : new IsotonicCalibration([.. manifest.CalibrationX], [.. manifest.CalibrationY]));
        }

        return new TrainedParts(features, zero, knn, linear, centroid, ensemble, manifest);
    }

    private static void WriteSparse(BinaryWriter w, SparseVector v)
    {
        w.Write(v.Count);
        foreach (var i in v.Indices) w.Write(i);
        foreach (var x in v.Values) w.Write(x);
    }

    private static SparseVector ReadSparse(BinaryReader r)
    {
        var n = r.ReadInt32();
        if (n < 0) throw new InvalidDataException("negative vector length");
        var idx = new int[n];
        var val = new float[n];
        for (var i = 0; i < n; i++) idx[i] = r.ReadInt32();
        for (var i = 0; i < n; i++) val[i] = r.ReadSingle();
        return n == 0 ? SparseVector.Empty : new SparseVector(idx, val);
    }

    private static void WriteFloats(BinaryWriter w, float[] values)
    {
        w.Write(values.Length);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static float[] ReadFloats(BinaryReader r)
    {
        var n = r.ReadInt32();
        if (n < 0) throw new InvalidDataException("negative array length");
        var bytes = r.ReadBytes(n * sizeof(float));
        if (bytes.Length != n * sizeof(float)) throw new EndOfStreamException("the file ends inside an array");
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }
}

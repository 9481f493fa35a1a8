using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SosRap.Benchmarks.Search;

/// <summary>
/// The vector benchmark dataset format: raw little-endian float32 database
/// (<c>&lt;prefix&gt;.f32</c>, N × d row-major, no header), queries (<c>.queries.f32</c>,
/// nq × d), exact top-k ids (<c>.gt.i32</c>, nq × k int32, best first) and their scores
/// (<c>.gt.f32</c>), described by a JSON sidecar (<c>.json</c>) with at least N, d, nq and k.
/// </summary>
internal sealed class BenchDataset
{
    private BenchDataset(string prefix, int n, int d, int nq, int k, float[] database, float[] queries, int[] groundTruth)
    {
        Prefix = prefix;
        N = n;
        D = d;
        Nq = nq;
        K = k;
        Database = database;
        Queries = queries;
        GroundTruth = groundTruth;
    }

    public string Prefix { get; }
    public int N { get; }
    public int D { get; }
    public int Nq { get; }
    public int K { get; }
    public float[] Database { get; }
    public float[] Queries { get; }
    public int[] GroundTruth { get; }

    /// <summary>Reads a dataset; sizes are checked against the sidecar.</summary>
    public static BenchDataset Read(string prefix)
    {
        var meta = JsonDocument.Parse(File.ReadAllText(prefix + ".json")).RootElement;
        var n = meta.GetProperty("N").GetInt32();
        var d = meta.GetProperty("d").GetInt32();
        var nq = meta.GetProperty("nq").GetInt32();
        var k = meta.GetProperty("k").GetInt32();
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("the dataset files are little-endian");
        return new BenchDataset(prefix, n, d, nq, k,
            ReadRaw<float>(prefix + ".f32", (long)n * d),
            ReadRaw<float>(prefix + ".queries.f32", (long)nq * d),
            ReadRaw<int>(prefix + ".gt.i32", (long)nq * k));
    }

    /// <summary>
    /// Writes a seeded clustered dataset in the same format (centres plus noise whose spread
    /// decays with the component, rows L2-normalised) with ground truth computed by brute force
    /// in double precision. Small sizes only: the ground truth is O(nq · N · d).
    /// </summary>
    public static void Generate(string prefix, int n, int d, int nq, int k, int centers, int seed)
    {
        var rng = new Random(seed);
        var c = new double[centers * d];
        for (var i = 0; i < centers; i++) Normalize(c.AsSpan(i * d, d), rng);
        var spectrum = new double[d];
        var total = 0.0;
        for (var p = 0; p < d; p++) total += (spectrum[p] = 1 / Math.Sqrt(p + 1)) * spectrum[p];
        for (var p = 0; p < d; p++) spectrum[p] /= Math.Sqrt(total);
        var database = Mixture(n, d, c, centers, spectrum, rng);
        var queries = Mixture(nq, d, c, centers, spectrum, rng);
        var gtIds = new int[nq * k];
        var gtScores = new float[nq * k];
        var scores = new double[n];
        var order = new int[n];
        for (var q = 0; q < nq; q++)
        {
            for (var i = 0; i < n; i++)
            {
                var s = 0.0;
                for (var p = 0; p < d; p++) s += (double)database[i * d + p] * queries[q * d + p];
                scores[i] = s;
                order[i] = i;
            }
            Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]) is var cmp && cmp != 0 ? cmp : a.CompareTo(b));
            for (var j = 0; j < k; j++)
            {
                gtIds[q * k + j] = order[j];
                gtScores[q * k + j] = (float)scores[order[j]];
            }
        }
        WriteRaw(prefix + ".f32", database);
        WriteRaw(prefix + ".queries.f32", queries);
        WriteRaw(prefix + ".gt.i32", gtIds);
        WriteRaw(prefix + ".gt.f32", gtScores);
        var meta = new JsonObject
        {
            ["generator"] = "sosrap-csharp-mixture",
            ["seed"] = seed,
            ["N"] = n,
            ["d"] = d,
            ["nq"] = nq,
            ["k"] = k,
            ["centers"] = centers,
            ["dtype"] = "float32",
            ["byteorder"] = "little",
            ["layout"] = "row-major",
            ["header_bytes"] = 0,
            ["normalized"] = "L2 (cosine == inner product)",
            ["sha256"] = new JsonObject
            {
                ["base"] = Sha256(prefix + ".f32"),
                ["queries"] = Sha256(prefix + ".queries.f32"),
                ["gt_ids"] = Sha256(prefix + ".gt.i32"),
                ["gt_scores"] = Sha256(prefix + ".gt.f32"),
            },
        };
        File.WriteAllText(prefix + ".json", meta.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static float[] Mixture(int n, int d, double[] centers, int count, double[] spectrum, Random rng)
    {
        var x = new float[n * d];
        var row = new double[d];
        for (var i = 0; i < n; i++)
        {
            var c = rng.Next(count);
            var norm = 0.0;
            for (var p = 0; p < d; p++)
            {
                row[p] = centers[c * d + p] + spectrum[p] * Normal(rng);
                norm += row[p] * row[p];
            }
            norm = Math.Sqrt(norm);
            for (var p = 0; p < d; p++) x[i * d + p] = (float)(row[p] / norm);
        }
        return x;
    }

    private static void Normalize(Span<double> v, Random rng)
    {
        var norm = 0.0;
        for (var p = 0; p < v.Length; p++) norm += (v[p] = Normal(rng)) * v[p];
        norm = Math.Sqrt(norm);
        for (var p = 0; p < v.Length; p++) v[p] /= norm;
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static T[] ReadRaw<T>(string path, long count)
        where T : unmanaged
    {
        var bytes = count * Marshal.SizeOf<T>();
        var length = new FileInfo(path).Length;
        if (length != bytes) throw new InvalidDataException($"{path}: {length} bytes, the sidecar implies {bytes}");
        var data = GC.AllocateUninitializedArray<T>(checked((int)count));
        using var stream = File.OpenRead(path);
        // In chunks: a span of bytes cannot exceed 2 GiB.
        const int Chunk = 1 << 28;
        var elements = Chunk / Marshal.SizeOf<T>();
        for (long at = 0; at < count; at += elements)
            stream.ReadExactly(MemoryMarshal.AsBytes(data.AsSpan((int)at, (int)Math.Min(elements, count - at))));
        return data;
    }

    private static void WriteRaw<T>(string path, T[] data)
        where T : unmanaged
    {
        using var stream = File.Create(path);
        stream.Write(MemoryMarshal.AsBytes(data.AsSpan()));
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using SosRap.Pipeline.Search;

namespace SosRap.Benchmarks.Search;

/// <summary>
/// The search bench: the same protocol and JSON field names as the FAISS/hnswlib measuring kit
/// (single-query latency percentiles after warm-up, best-of-3 batch throughput, recall@k against
/// the dataset's exact ground truth, whole-corpus k-NN graph time), so its lines can be merged
/// with the peers' lines of the same run.
/// <code>
/// search &lt;prefix&gt; [--threads 1,2] [--int8 | --f32] [--no-knn] [--nq-single 200]
///                  [--nq-batch 1000] [--batch-reps 3] [--rerank N]
/// search-data &lt;prefix&gt; [--n 20000] [--d 64] [--nq 200] [--k 10] [--centers 20] [--seed 42]
/// </code>
/// Without flags it prints float32 records for 1 and 2 threads (the k-NN graph timed with the
/// larger thread count) and int8 records for 1 and 2 threads.
/// </summary>
internal static class SearchBench
{
    private const int Warmup = 20;

    public static int Run(string[] args, TextWriter output)
    {
        var a = Args.Parse(args);
        if (a.Prefix is null)
        {
            Console.Error.WriteLine("usage: search <prefix> [--threads 1,2] [--int8 | --f32] [--no-knn] [--nq-single N] [--nq-batch N] [--batch-reps N] [--rerank N]");
            return 2;
        }
        var data = BenchDataset.Read(a.Prefix);
        var threads = a.Get("threads", "1,2").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        var int8Only = a.Has("int8");
        var f32Only = a.Has("f32");
        var nqSingle = Math.Min(data.Nq, a.GetInt("nq-single", 200));
        var nqBatch = Math.Min(data.Nq, a.GetInt("nq-batch", 1000));
        var reps = a.GetInt("batch-reps", 3);
        var rerank = a.GetInt("rerank", 0);
        var ids = Enumerable.Range(0, data.N).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

        if (!int8Only)
        {
            using var index = Build(data, ids, VectorQuantization.None, out var addSeconds);
            Emit(output, Env(index, data));
            foreach (var t in threads)
            {
                var rec = Record("csharp_flat", t, data, index, addSeconds);
                Single(rec, index, data, t, nqSingle, new SearchOptions { MaxThreads = t });
                Batch(rec, index, data, t, nqBatch, reps);
                if (!a.Has("no-knn") && t == threads.Max()) Knn(rec, index, data, t);
                Emit(output, rec);
            }
        }
        if (!f32Only)
        {
            using var index = Build(data, ids, VectorQuantization.Int8, out var addSeconds);
            if (int8Only) Emit(output, Env(index, data));
            foreach (var t in threads)
            {
                var options = new SearchOptions { MaxThreads = t, RerankCandidates = rerank };
                var rec = Record("csharp_int8", t, data, index, addSeconds);
                rec["rerank_candidates"] = rerank > 0 ? rerank : Math.Max(data.K * FlatIndexOptions.Defaults.RerankFactor, FlatIndexOptions.Defaults.MinRerankCandidates);
                Single(rec, index, data, t, nqSingle, options);
                // Recall over every query (the single-query timing above uses the first nq_single).
                var found = new int[data.Nq * data.K];
                var scores = new float[data.K];
                for (var q = 0; q < data.Nq; q++)
                    index.Search(data.Queries.AsSpan(q * data.D, data.D), data.K, found.AsSpan(q * data.K, data.K), scores, options);
                rec["recall_queries"] = data.Nq;
                rec["recall_at_k"] = Round(Recall(found, data.GroundTruth, data.Nq, data.K), 4);
                Emit(output, rec);
            }
        }
        return 0;
    }

    /// <summary>Writes a seeded dataset in the bench format (for smoke tests and small local runs).</summary>
    public static int Generate(string[] args, TextWriter output)
    {
        var a = Args.Parse(args);
        if (a.Prefix is null)
        {
            Console.Error.WriteLine("usage: search-data <prefix> [--n 20000] [--d 64] [--nq 200] [--k 10] [--centers 20] [--seed 42]");
            return 2;
        }
        var dir = Path.GetDirectoryName(Path.GetFullPath(a.Prefix));
        if (dir is not null) Directory.CreateDirectory(dir);
        BenchDataset.Generate(a.Prefix, a.GetInt("n", 20_000), a.GetInt("d", 64), a.GetInt("nq", 200), a.GetInt("k", 10),
            a.GetInt("centers", 20), a.GetInt("seed", 42));
        Emit(output, new JsonObject { ["bench"] = "dataset_files", ["prefix"] = a.Prefix });
        return 0;
    }

    private static FlatIndex Build(BenchDataset data, string[] ids, VectorQuantization quantization, out double seconds)
    {
        var index = new FlatIndex(new FlatIndexOptions { Dimension = data.D, Quantization = quantization, InitialCapacity = data.N });
        var sw = Stopwatch.StartNew();
        index.AddRange(ids, data.Database);
        seconds = sw.Elapsed.TotalSeconds;
        return index;
    }

    private static void Single(JsonObject rec, FlatIndex index, BenchDataset data, int threads, int calls, SearchOptions options)
    {
        var k = data.K;
        var d = data.D;
        var rows = new int[k];
        var scores = new float[k];
        for (var i = 0; i < Warmup; i++) index.Search(data.Queries.AsSpan(i % data.Nq * d, d), k, rows, scores, options);
        var latency = new double[calls];
        var found = new int[calls * k];
        for (var q = 0; q < calls; q++)
        {
            var query = data.Queries.AsSpan(q * d, d);
            var t0 = Stopwatch.GetTimestamp();
            index.Search(query, k, rows, scores, options);
            latency[q] = Stopwatch.GetElapsedTime(t0).TotalMicroseconds;
            rows.CopyTo(found.AsSpan(q * k, k));
        }
        Array.Sort(latency);
        rec["single_p50_us"] = Round(Percentile(latency, 50), 1);
        rec["single_p90_us"] = Round(Percentile(latency, 90), 1);
        rec["single_p99_us"] = Round(Percentile(latency, 99), 1);
        rec["single_mean_us"] = Round(latency.Average(), 1);
        rec["single_calls"] = calls;
        rec["single_recall"] = Round(Recall(found, data.GroundTruth, calls, k), 4);
    }

    private static void Batch(JsonObject rec, FlatIndex index, BenchDataset data, int threads, int nq, int reps)
    {
        var k = data.K;
        var queries = data.Queries.AsSpan(0, nq * data.D);
        var rows = new int[nq * k];
        var scores = new float[nq * k];
        var options = new SearchOptions { MaxThreads = threads };
        var warm = Math.Min(nq, 50);
        index.SearchBatch(queries[..(warm * data.D)], k, rows, scores, options);
        var best = double.MaxValue;
        for (var r = 0; r < reps; r++)
        {
            var t0 = Stopwatch.GetTimestamp();
            index.SearchBatch(queries, k, rows, scores, options);
            best = Math.Min(best, Stopwatch.GetElapsedTime(t0).TotalSeconds);
        }
        rec["batch_nq"] = nq;
        rec["batch_s"] = Round(best, 4);
        rec["batch_qps"] = Round(nq / best, 1);
        rec["batch_us_per_query"] = Round(best / nq * 1e6, 1);
        rec["batch_gflops"] = Round(2.0 * nq * data.N * data.D / best / 1e9, 1);
        rec["recall_at_k"] = Round(Recall(rows, data.GroundTruth, nq, k), 4);
    }

    private static void Knn(JsonObject rec, FlatIndex index, BenchDataset data, int threads)
    {
        var k = data.K;
        var t0 = Stopwatch.GetTimestamp();
        var graph = index.BuildKnnGraph(k, threads);
        rec["knn_graph_s"] = Round(Stopwatch.GetElapsedTime(t0).TotalSeconds, 2);
        rec["knn_graph_threads"] = threads;
        // Consistency check on a seeded sample: each row's graph neighbours equal an exact
        // search with the row's own vector (self removed).
        var rng = new Random(7);
        var v = new float[data.D];
        var rows = new int[k + 1];
        var scores = new float[k + 1];
        int hits = 0, total = 0;
        for (var i = 0; i < 200; i++)
        {
            var row = rng.Next(data.N);
            index.CopyVector(row, v);
            index.Search(v, k + 1, rows, scores);
            var expected = rows.Where(r => r != row).Take(k).ToHashSet();
            foreach (var nb in graph.Neighbors(row)) hits += expected.Contains(nb) ? 1 : 0;
            total += k;
        }
        rec["knn_graph_check_recall"] = Round(hits / (double)total, 4);
    }

    private static JsonObject Record(string bench, int threads, BenchDataset data, FlatIndex index, double addSeconds) => new()
    {
        ["bench"] = bench,
        ["threads"] = threads,
        ["N"] = data.N,
        ["d"] = data.D,
        ["k"] = data.K,
        ["kernel"] = index.KernelDescription,
        ["add_s"] = Round(addSeconds, 3),
        ["load1"] = Load1(),
    };

    private static JsonObject Env(FlatIndex index, BenchDataset data) => new()
    {
        ["bench"] = "csharp_env",
        ["runtime"] = RuntimeInformation.FrameworkDescription,
        ["kernel"] = index.KernelDescription,
        ["processors"] = Environment.ProcessorCount,
        ["prefix"] = data.Prefix,
        ["N"] = data.N,
        ["d"] = data.D,
        ["nq"] = data.Nq,
        ["k"] = data.K,
        ["load1"] = Load1(),
    };

    internal static double Recall(int[] found, int[] truth, int nq, int k)
    {
        var hits = 0;
        for (var q = 0; q < nq; q++)
        {
            var t = truth.AsSpan(q * k, k);
            foreach (var f in found.AsSpan(q * k, k)) if (t.Contains(f)) hits++;
        }
        return hits / (double)(nq * k);
    }

    /// <summary>Linear interpolation between closest ranks (numpy's default), on sorted data.</summary>
    private static double Percentile(double[] sorted, double p)
    {
        var pos = p / 100 * (sorted.Length - 1);
        var lo = (int)pos;
        var hi = Math.Min(sorted.Length - 1, lo + 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    private static double Round(double v, int digits) => Math.Round(v, digits);

    private static string Load1()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static void Emit(TextWriter output, JsonObject record)
    {
        output.WriteLine(record.ToJsonString());
        output.Flush();
    }

    /// <summary>Minimal parser: the first bare word is the prefix, then --name [value] pairs.</summary>
    private sealed class Args
    {
        private readonly Dictionary<string, string?> _flags = new(StringComparer.Ordinal);

        public string? Prefix { get; private set; }

        public static Args Parse(string[] args)
        {
            var a = new Args();
            for (var i = 0; i < args.Length; i++)
            {
                if (args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    var name = args[i][2..];
                    var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) && name is not ("int8" or "f32" or "no-knn")
                        ? args[++i] : null;
                    a._flags[name] = value;
                }
                else if (a.Prefix is null)
                {
                    a.Prefix = args[i];
                }
                else
                {
                    throw new ArgumentException($"unexpected argument '{args[i]}'");
                }
            }
            return a;
        }

        public bool Has(string name) => _flags.ContainsKey(name);

        public string Get(string name, string fallback) => _flags.TryGetValue(name, out var v) && v is not null ? v : fallback;

        public int GetInt(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
    }
}

using System.Text.Json;
using SosRap.Benchmarks.Search;

namespace SosRap.Pipeline.Tests.Search;

/// <summary>
/// Runs the search bench end to end on a small dataset it generates itself in the shared file
/// format (raw float32 + queries + int32 ground truth + JSON sidecar), and checks correctness
/// (recall against the brute-force ground truth), never timing.
/// </summary>
public sealed class SearchBenchSmokeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sosrap-bench-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Search_bench_reports_exact_recall_on_a_generated_dataset()
    {
        var prefix = Path.Combine(_dir, "mix_n4000_d48");
        Assert.Equal(0, SearchBench.Generate([prefix, "--n", "4000", "--d", "48", "--nq", "80", "--k", "10", "--centers", "12", "--seed", "5"], TextWriter.Null));
        Assert.Equal(4000L * 48 * 4, new FileInfo(prefix + ".f32").Length);
        Assert.Equal(80L * 48 * 4, new FileInfo(prefix + ".queries.f32").Length);
        Assert.Equal(80L * 10 * 4, new FileInfo(prefix + ".gt.i32").Length);
        var meta = JsonDocument.Parse(File.ReadAllText(prefix + ".json")).RootElement;
        Assert.Equal(4000, meta.GetProperty("N").GetInt32());

        var output = new StringWriter();
        Assert.Equal(0, SearchBench.Run([prefix, "--nq-single", "30", "--nq-batch", "80", "--batch-reps", "1"], output));
        var records = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["csharp_env", "csharp_flat", "csharp_flat", "csharp_int8", "csharp_int8"], records.Select(r => r.GetProperty("bench").GetString()));

        foreach (var flat in records.Where(r => r.GetProperty("bench").GetString() == "csharp_flat"))
        {
            foreach (var field in new[] { "threads", "N", "d", "k", "single_p50_us", "single_p90_us", "single_p99_us", "single_mean_us", "batch_nq", "batch_s", "batch_qps", "batch_us_per_query" })
                Assert.True(flat.TryGetProperty(field, out _), $"missing {field}");
            Assert.True(flat.GetProperty("single_recall").GetDouble() >= 0.999);
            Assert.True(flat.GetProperty("recall_at_k").GetDouble() >= 0.999);
        }
        var knn = records.Single(r => r.TryGetProperty("knn_graph_s", out _));
        Assert.Equal(2, knn.GetProperty("threads").GetInt32());
        Assert.Equal(1.0, knn.GetProperty("knn_graph_check_recall").GetDouble());
        foreach (var int8 in records.Where(r => r.GetProperty("bench").GetString() == "csharp_int8"))
            Assert.True(int8.GetProperty("recall_at_k").GetDouble() >= 0.99, $"int8 recall {int8.GetProperty("recall_at_k")}");
    }

    [Fact]
    public void Search_bench_honours_threads_and_int8_flags()
    {
        var prefix = Path.Combine(_dir, "small");
        SearchBench.Generate([prefix, "--n", "500", "--d", "16", "--nq", "20", "--k", "5", "--seed", "9"], TextWriter.Null);
        var output = new StringWriter();
        SearchBench.Run([prefix, "--threads", "1", "--int8", "--nq-single", "5"], output);
        var records = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["csharp_env", "csharp_int8"], records.Select(r => r.GetProperty("bench").GetString()));
        Assert.Equal(1, records[1].GetProperty("threads").GetInt32());
        Assert.True(records[1].GetProperty("recall_at_k").GetDouble() >= 0.99);
    }
}

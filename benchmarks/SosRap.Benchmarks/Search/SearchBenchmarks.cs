using BenchmarkDotNet.Attributes;
using SosRap.Pipeline.Search;

namespace SosRap.Benchmarks.Search;

/// <summary>
/// One query against N × 384 rows: exact float32 on one thread and on all threads, int8 with
/// exact re-ranking, and the convenience overload that allocates its result. The span overloads
/// must show 0 bytes allocated per call.
/// <c>dotnet run -c Release --project benchmarks/SosRap.Benchmarks -- --filter '*SearchBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private const int D = 384;
    private const int K = 10;
    private FlatIndex _exact = null!;
    private FlatIndex _int8 = null!;
    private float[] _queries = null!;
    private readonly int[] _rows = new int[K];
    private readonly float[] _scores = new float[K];
    private readonly SearchOptions _oneThread = new() { MaxThreads = 1 };
    private int _next;

    [Params(10_000, 100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = SyntheticData.Uniform((long)N * D, 42);
        var ids = SyntheticData.Ids(N);
        _exact = new FlatIndex(new FlatIndexOptions { Dimension = D, InitialCapacity = N });
        _exact.AddRange(ids, data);
        _int8 = new FlatIndex(new FlatIndexOptions { Dimension = D, InitialCapacity = N, Quantization = VectorQuantization.Int8 });
        _int8.AddRange(ids, data);
        _queries = SyntheticData.Uniform(64 * D, 7);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _exact.Dispose();
        _int8.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int Float32_OneThread() => _exact.Search(NextQuery(), K, _rows, _scores, _oneThread);

    [Benchmark]
    public int Float32_AllThreads() => _exact.Search(NextQuery(), K, _rows, _scores);

    [Benchmark]
    public int Int8Rerank_OneThread() => _int8.Search(NextQuery(), K, _rows, _scores, _oneThread);

    [Benchmark]
    public int Int8Rerank_AllThreads() => _int8.Search(NextQuery(), K, _rows, _scores);

    [Benchmark]
    public SearchHit[] Float32_Hits_OneThread() => _exact.Search(NextQuery(), K, _oneThread);

    private ReadOnlySpan<float> NextQuery()
    {
        _next = (_next + 1) & 63;
        return _queries.AsSpan(_next * D, D);
    }
}

using BenchmarkDotNet.Attributes;
using SosRap.Pipeline.Search;

namespace SosRap.Benchmarks.Search;

/// <summary>
/// Many queries at once (the GEMM-style blocked kernel) and the k-NN graph of a whole corpus.
/// <c>dotnet run -c Release --project benchmarks/SosRap.Benchmarks -- --filter '*BatchBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    private const int D = 384;
    private const int K = 10;
    private const int Queries = 256;
    private FlatIndex _index = null!;
    private float[] _queries = null!;
    private readonly int[] _rows = new int[Queries * K];
    private readonly float[] _scores = new float[Queries * K];
    private readonly SearchOptions _oneThread = new() { MaxThreads = 1 };

    [Params(10_000, 100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _index = new FlatIndex(new FlatIndexOptions { Dimension = D, InitialCapacity = N });
        _index.AddRange(SyntheticData.Ids(N), SyntheticData.Uniform((long)N * D, 42));
        _queries = SyntheticData.Uniform(Queries * D, 7);
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    /// <summary>256 queries on one thread.</summary>
    [Benchmark]
    public void Batch256_OneThread() => _index.SearchBatch(_queries, K, _rows, _scores, _oneThread);

    /// <summary>256 queries on all threads.</summary>
    [Benchmark]
    public void Batch256_AllThreads() => _index.SearchBatch(_queries, K, _rows, _scores);

    /// <summary>The exact k-NN graph of the first 10,000 rows' index (N = 10k only: 100k takes seconds).</summary>
    [Benchmark]
    public KnnGraph? KnnGraph_AllThreads() => N <= 10_000 ? _index.BuildKnnGraph(K) : null;
}

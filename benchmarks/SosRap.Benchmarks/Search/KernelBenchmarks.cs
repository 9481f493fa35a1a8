using BenchmarkDotNet.Attributes;
using SosRap.Pipeline.Search.Kernels;
using SosRap.Pipeline.Search.Storage;

namespace SosRap.Benchmarks.Search;

/// <summary>
/// The kernels alone, per vector width: the fused float32 scan with top-k, the int8 scan and
/// the 6 × 64 batch micro-kernel on an L2-resident panel. At 100k × 384 the scan should run at
/// the machine's memory read bandwidth (153.6 MB per call; compare with membw's "scan").
/// <c>dotnet run -c Release --project benchmarks/SosRap.Benchmarks -- --filter '*KernelBenchmarks*' --job short</c>
/// </summary>
public unsafe class KernelBenchmarks
{
    private const int D = 384;
    private const int N = 100_000;
    private PanelStore _store = null!;
    private Int8Store _codes = null!;
    private float[] _query = null!;
    private int[] _query8 = null!;
    private readonly float[] _topScores = new float[10];
    private readonly int[] _topRows = new int[10];
    private readonly int[] _shortScores = new int[100];
    private readonly int[] _shortRows = new int[100];
    private readonly float[] _tile = new float[BatchScan.TileQueries * FloatScan.PanelRows];

    /// <summary>Vector width (mirrors the library's internal level; capped at what the machine has).</summary>
    public enum Width
    {
        Scalar = SimdLevel.Scalar,
        Vector128 = SimdLevel.Vector128,
        Vector256 = SimdLevel.Vector256,
        Vector512 = SimdLevel.Vector512,
    }

    [Params(Width.Scalar, Width.Vector128, Width.Vector256, Width.Vector512)]
    public Width Level { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = SyntheticData.Uniform((long)N * D, 3);
        _store = new PanelStore(D, N);
        _store.Append(N);
        for (var r = 0; r < N; r++) _store.Write(r, data.AsSpan(r * D, D));
        _codes = new Int8Store(D, N);
        _codes.Train(_store, new RowGate(N, null, null, 0));
        _query = GC.AllocateArray<float>(D, pinned: true);
        SyntheticData.Uniform(D, 9).CopyTo(_query, 0);
        _query8 = GC.AllocateArray<int>(Int8Scan.Groups(D), pinned: true);
        _codes.EncodeQuery(_query, _query8);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        _codes.Dispose();
    }

    /// <summary>Fused float32 scan + top-10 over 100k × 384, one thread.</summary>
    [Benchmark]
    public int FloatScan_100k()
    {
        var level = SimdLevels.Resolve((SimdLevel)Level);
        var top = new TopK<float>(_topScores, _topRows, 10);
        fixed (float* q = _query) FloatScan.Scan(level, _store.Data, D, 0, _store.PanelCount, q, ref top, new RowGate(N, null, null, 0));
        return top.Count;
    }

    /// <summary>Int8 scan + short list of 100 over 100k × 384 codes, one thread (AVX-VNNI when present).</summary>
    [Benchmark]
    public int Int8Scan_100k()
    {
        var level = SimdLevels.Resolve((SimdLevel)Level);
        var top = new TopK<int>(_shortScores, _shortRows, 100);
        fixed (int* q = _query8) Int8Scan.Scan(SimdLevels.HasAvxVnni, level, _codes.Codes, _codes.Groups, 0, _store.PanelCount, q, ref top, new RowGate(N, null, null, 0));
        return top.Count;
    }

    /// <summary>One 6-query × 64-row tile at d = 384 (2 × 6 × 64 × 384 = 295 kflop).</summary>
    [Benchmark(OperationsPerInvoke = 64)]
    public float BatchTile()
    {
        var level = SimdLevels.Resolve((SimdLevel)Level);
        var sum = 0f;
        fixed (float* q = _query)
        fixed (float* tile = _tile)
        {
            for (var i = 0; i < 64; i++)
            {
                BatchScan.Tile(level, q, q, q, q, q, q, 1, _store.Data + (i & 7) * _store.PanelStride, D, tile);
                sum += tile[i];
            }
        }
        return sum;
    }
}

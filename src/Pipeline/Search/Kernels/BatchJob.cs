using System.Runtime.Intrinsics;

namespace SosRap.Pipeline.Search.Kernels;

/// <summary>
/// Many queries against all panels, blocked for cache: a block of <see cref="QueryBlock"/>
/// queries (144 KB at d = 384) stays in L2 while each panel is read once from memory and reused
/// by all 16 query tiles of the block from L2. Work is split over threads by query blocks, each
/// writing its own queries' heaps; with fewer blocks than threads it is split by panel ranges
/// instead, with per-worker heaps merged afterwards.
/// </summary>
internal sealed unsafe class BatchJob : IChunkBody
{
    /// <summary>Queries per cache block (a multiple of the tile height).</summary>
    public const int QueryBlock = 16 * BatchScan.TileQueries;

    private float[] _workerScores = [];
    private int[] _workerRows = [];
    private int[] _workerCounts = [];

    public SimdLevel Level { get; set; }
    public float* Data { get; set; }
    public int Dimension { get; set; }
    public int Panels { get; set; }
    public float* Queries { get; set; }
    public int QueryCount { get; set; }
    public int K { get; set; }
    public RowGate Gate { get; set; }

    /// <summary>Heaps of the output (query-block split): n × k scores and rows, n counts.</summary>
    public float* OutScores { get; set; }
    public int* OutRows { get; set; }
    public int* OutCounts { get; set; }

    public bool SplitRows { get; private set; }
    public int ChunkPanels { get; private set; }
    public int Workers { get; private set; }

    /// <summary>Chooses the split and returns the chunk count.</summary>
    public int Prepare(int threads)
    {
        var blocks = (QueryCount + QueryBlock - 1) / QueryBlock;
        SplitRows = threads > 1 && blocks < threads && Panels >= 2 * threads;
        Workers = threads;
        if (!SplitRows) return blocks;
        var need = threads * QueryCount * K;
        if (_workerScores.Length < need)
        {
            _workerScores = new float[need];
            _workerRows = new int[need];
        }
        if (_workerCounts.Length < threads * QueryCount) _workerCounts = new int[threads * QueryCount];
        Array.Clear(_workerCounts, 0, threads * QueryCount);
        var chunks = Math.Min(Panels, threads * 4);
        ChunkPanels = (Panels + chunks - 1) / chunks;
        return (Panels + ChunkPanels - 1) / ChunkPanels;
    }

    public void Execute(int chunk, int worker)
    {
        if (!SplitRows)
        {
            var from = chunk * QueryBlock;
            Run(from, Math.Min(QueryCount, from + QueryBlock), 0, Panels, OutScores, OutRows, OutCounts);
            return;
        }
        var p0 = chunk * ChunkPanels;
        fixed (float* s = &_workerScores[worker * QueryCount * K])
        fixed (int* r = &_workerRows[worker * QueryCount * K])
        fixed (int* c = &_workerCounts[worker * QueryCount])
        {
            Run(0, QueryCount, p0, Math.Min(Panels, p0 + ChunkPanels), s, r, c);
        }
    }

    /// <summary>Row split only: offers every worker's heap of query <paramref name="q"/> to <paramref name="top"/>.</summary>
    public void MergeInto(int q, ref TopK<float> top)
    {
        for (var w = 0; w < Workers; w++)
        {
            var n = _workerCounts[w * QueryCount + q];
            var at = (w * QueryCount + q) * K;
            for (var i = 0; i < n; i++) top.TryInsert(_workerScores[at + i], _workerRows[at + i]);
        }
    }

    private void Run(int qFrom, int qTo, int pFrom, int pTo, float* hs, int* hr, int* counts)
    {
        var d = Dimension;
        var stride = (nint)d * FloatScan.PanelRows;
        var tile = stackalloc float[BatchScan.TileQueries * FloatScan.PanelRows];
        var filtered = Gate.Filter != null;
        for (var g = pFrom; g < pTo; g++)
        {
            if (filtered && Gate.FilterWord(g) == 0) continue;
            var panel = Data + g * stride;
            for (var t = qFrom; t < qTo; t += BatchScan.TileQueries)
            {
                var n = Math.Min(BatchScan.TileQueries, qTo - t);
                var q0 = Queries + (nint)t * d;
                var last = n - 1;
                // Missing queries of the last tile repeat the last one; their scores are ignored.
                BatchScan.Tile(Level, q0, q0 + Math.Min(1, last) * d, q0 + Math.Min(2, last) * d,
                    q0 + Math.Min(3, last) * d, q0 + Math.Min(4, last) * d, q0 + Math.Min(5, last) * d, 1, panel, d, tile);
                for (var i = 0; i < n; i++)
                    Offer(tile + i * FloatScan.PanelRows, g * FloatScan.PanelRows, t + i, hs, hr, counts, K, Gate);
            }
        }
    }

    /// <summary>Offers one query's 64 scores of a tile to its heap (stored in flat arrays).</summary>
    public static void Offer(float* scores, int firstRow, int query, float* hs, int* hr, int* counts, int k, in RowGate gate)
    {
        var count = counts[query];
        var threshold = count == k ? hs[(nint)query * k] : float.NegativeInfinity;
        if (!AnyAtLeast(scores, threshold)) return;
        var top = new TopK<float>(new Span<float>(hs + (nint)query * k, k), new Span<int>(hr + (nint)query * k, k), k, count);
        FloatScan.Collect(scores, firstRow, FloatScan.PanelRows, ref top, gate);
        counts[query] = top.Count;
    }

    /// <summary>Whether any of 64 scores is at least <paramref name="threshold"/>.</summary>
    public static bool AnyAtLeast(float* s, float threshold)
    {
        var t = Vector256.Create(threshold);
        var m = Vector256.GreaterThanOrEqual(Vector256.Load(s), t) | Vector256.GreaterThanOrEqual(Vector256.Load(s + 8), t)
              | Vector256.GreaterThanOrEqual(Vector256.Load(s + 16), t) | Vector256.GreaterThanOrEqual(Vector256.Load(s + 24), t)
              | Vector256.GreaterThanOrEqual(Vector256.Load(s + 32), t) | Vector256.GreaterThanOrEqual(Vector256.Load(s + 40), t)
              | Vector256.GreaterThanOrEqual(Vector256.Load(s + 48), t) | Vector256.GreaterThanOrEqual(Vector256.Load(s + 56), t);
        return m != Vector256<float>.Zero;
    }
}

using System.Runtime.Intrinsics;

namespace SosRap.Pipeline.Search.Kernels;

/// <summary>
/// The exact k-NN graph of all rows, computing each pair's score once. Rows are taken in blocks
/// of <see cref="BlockPanels"/> panels as queries (read straight from the panels, step 64); a
/// block is scored against its own panels and every later panel with the batch micro-kernel.
/// Each score in a later panel serves twice: row i (query) is offered row j, and row j is
/// offered row i (the transposed direction). Pairs inside a block are seen from both sides by
/// the block itself. That halves the arithmetic of an all-pairs search.
/// <para>
/// Blocks are claimed largest first (block 0 sees every panel). Each worker owns a full set of
/// heaps (n × k) and thresholds, so workers never share state; the heaps are merged at the end.
/// Thresholds of removed rows and of panel padding are +∞, so nothing is ever offered to them.
/// </para>
/// </summary>
internal sealed unsafe class KnnJob : IChunkBody
{
    /// <summary>Panels per query block (192 rows, 288 KB at d = 384: stays in L2).</summary>
    public const int BlockPanels = 3;

    private const int Rows = FloatScan.PanelRows;

    private readonly float[][] _thresholds;
    private readonly float[][] _scores;
    private readonly int[][] _rows;
    private readonly int[][] _counts;
    private long _done;

    public KnnJob(SimdLevel level, float* data, int dimension, int rowCount, int k, RowGate gate, int workers)
    {
        Level = level;
        Data = data;
        Dimension = dimension;
        RowCount = rowCount;
        Panels = PanelCountOf(rowCount);
        K = k;
        Gate = gate;
        Workers = workers;
        var padded = Panels * Rows;
        _thresholds = new float[workers][];
        _scores = new float[workers][];
        _rows = new int[workers][];
        _counts = new int[workers][];
        for (var w = 0; w < workers; w++)
        {
            var t = new float[padded];
            for (var r = 0; r < padded; r++) t[r] = gate.Allows(r) ? float.NegativeInfinity : float.PositiveInfinity;
            _thresholds[w] = t;
            _scores[w] = new float[(long)rowCount * k];
            _rows[w] = new int[(long)rowCount * k];
            _counts[w] = new int[rowCount];
        }
        Blocks = (Panels + BlockPanels - 1) / BlockPanels;
        // Work of block b is proportional to the panels it visits.
        TotalWork = 0;
        for (var b = 0; b < Blocks; b++) TotalWork += Panels - b * BlockPanels;
    }

    public SimdLevel Level { get; }
    public float* Data { get; }
    public int Dimension { get; }
    public int RowCount { get; }
    public int Panels { get; }
    public int K { get; }
    public RowGate Gate { get; }
    public int Workers { get; }
    public int Blocks { get; }
    public long TotalWork { get; }
    public IProgress<double>? Progress { get; init; }
    public CancellationToken Cancellation { get; init; }

    public void Execute(int chunk, int worker)
    {
        if (Cancellation.IsCancellationRequested) return;
        fixed (float* thr = _thresholds[worker])
        fixed (float* hs = _scores[worker])
        fixed (int* hr = _rows[worker])
        fixed (int* counts = _counts[worker])
        {
            RunBlock(chunk, thr, hs, hr, counts);
        }
        var done = Interlocked.Add(ref _done, Panels - chunk * BlockPanels);
        Progress?.Report((double)done / TotalWork);
    }

    /// <summary>Offers every worker's heap of <paramref name="row"/> to <paramref name="top"/>.</summary>
    public void MergeInto(int row, ref TopK<float> top)
    {
        for (var w = 0; w < Workers; w++)
        {
            var n = _counts[w][row];
            var at = (long)row * K;
            for (var i = 0; i < n; i++) top.TryInsert(_scores[w][at + i], _rows[w][at + i]);
        }
    }

    private static int PanelCountOf(int rows) => (rows + Rows - 1) / Rows;

    private void RunBlock(int block, float* thr, float* hs, int* hr, int* counts)
    {
        var d = Dimension;
        var stride = (nint)d * Rows;
        var qFrom = block * BlockPanels * Rows;
        var qTo = Math.Min(RowCount, qFrom + BlockPanels * Rows);
        var pFrom = block * BlockPanels;
        var pBack = pFrom + BlockPanels;
        var tile = stackalloc float[BatchScan.TileQueries * Rows];
        var q = stackalloc float*[BatchScan.TileQueries];
        for (var g = pFrom; g < Panels; g++)
        {
            var panel = Data + g * stride;
            var firstRow = g * Rows;
            for (var t = qFrom; t < qTo; t += BatchScan.TileQueries)
            {
                var n = Math.Min(BatchScan.TileQueries, qTo - t);
                for (var i = 0; i < BatchScan.TileQueries; i++) q[i] = RowStart(t + Math.Min(i, n - 1), stride);
                BatchScan.Tile(Level, q[0], q[1], q[2], q[3], q[4], q[5], Rows, panel, d, tile);
                // Forward: query row t+i is offered the panel's rows.
                for (var i = 0; i < n; i++)
                {
                    var qr = t + i;
                    var s = tile + i * Rows;
                    if (!BatchJob.AnyAtLeast(s, thr[qr])) continue;
                    var top = new TopK<float>(new Span<float>(hs + (nint)qr * K, K), new Span<int>(hr + (nint)qr * K, K), K, counts[qr]);
                    FloatScan.Collect(s, firstRow, Rows, ref top, Gate.WithExcluded(qr));
                    counts[qr] = top.Count;
                    thr[qr] = top.IsFull ? top.WorstScore : float.NegativeInfinity;
                }
                // Transposed: each row j of a later panel is offered the query rows.
                if (g >= pBack) Backward(tile, n, t, firstRow, thr, hs, hr, counts);
            }
        }
    }

    private void Backward(float* tile, int n, int firstQuery, int firstRow, float* thr, float* hs, int* hr, int* counts)
    {
        for (var v = 0; v < Rows; v += Vector256<float>.Count)
        {
            var best = Vector256.Load(tile + v);
            for (var i = 1; i < n; i++) best = Vector256.Max(best, Vector256.Load(tile + i * Rows + v));
            var mask = Vector256.GreaterThanOrEqual(best, Vector256.Load(thr + firstRow + v)).ExtractMostSignificantBits();
            while (mask != 0)
            {
                var lane = v + System.Numerics.BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                var row = firstRow + lane;
                var top = new TopK<float>(new Span<float>(hs + (nint)row * K, K), new Span<int>(hr + (nint)row * K, K), K, counts[row]);
                for (var i = 0; i < n; i++)
                {
                    var s = tile[i * Rows + lane];
                    var candidate = firstQuery + i;
                    if (s >= thr[row] && Gate.Allows(candidate) && top.TryInsert(s, candidate))
                        thr[row] = top.IsFull ? top.WorstScore : float.NegativeInfinity;
                }
                counts[row] = top.Count;
            }
        }
    }

    private float* RowStart(int row, nint stride) => Data + (nint)(row / Rows) * stride + (row % Rows);
}

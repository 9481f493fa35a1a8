namespace SosRap.Pipeline.Search.Kernels;

/// <summary>
/// One query split over threads by panel ranges (float32 or int8 codes). Each worker keeps its
/// own heap across the chunks it claims; <see cref="MergeInto{T}"/> combines them, which gives
/// the same result as one thread because the heap order is total.
/// </summary>
internal sealed unsafe class ScanJob : IChunkBody
{
    private float[] _floatScores = [];
    private int[] _intScores = [];
    private int[] _rows = [];
    private int[] _counts = [];

    public SimdLevel Level { get; set; }
    public bool Vnni { get; set; }
    public bool Int8 { get; set; }
    public float* Data { get; set; }
    public byte* Codes { get; set; }
    public int Dimension { get; set; }
    public int Groups { get; set; }
    public float* Query { get; set; }
    public int* Query8 { get; set; }
    public RowGate Gate { get; set; }
    public int K { get; private set; }
    public int Panels { get; private set; }
    public int ChunkPanels { get; private set; }
    public int Workers { get; private set; }

    /// <summary>
    /// Sizes the per-worker heaps and the chunks (about <paramref name="chunkBytes"/> of data
    /// each); returns the chunk count.
    /// </summary>
    public int Prepare(int k, int panels, long panelBytes, long chunkBytes, int threads)
    {
        K = k;
        Panels = panels;
        Workers = threads;
        var need = threads * k;
        if (Int8 && _intScores.Length < need) _intScores = new int[need];
        if (!Int8 && _floatScores.Length < need) _floatScores = new float[need];
        if (_rows.Length < need) _rows = new int[need];
        if (_counts.Length < threads) _counts = new int[threads];
        Array.Clear(_counts, 0, threads);
        // Small chunks (tens of microseconds each): the threads finish within one chunk of each
        // other, and a thread slowed by other load simply claims fewer. Heaps persist across a
        // worker's chunks, so more chunks cost no more merging.
        ChunkPanels = (int)Math.Clamp(chunkBytes / Math.Max(1, panelBytes), 1, Math.Max(1, panels / threads));
        return (panels + ChunkPanels - 1) / ChunkPanels;
    }

    public void Execute(int chunk, int worker)
    {
        var from = chunk * ChunkPanels;
        var to = Math.Min(Panels, from + ChunkPanels);
        var rows = _rows.AsSpan(worker * K, K);
        if (Int8)
        {
            var top = new TopK<int>(_intScores.AsSpan(worker * K, K), rows, K, _counts[worker]);
            Int8Scan.Scan(Vnni, Level, Codes, Groups, from, to, Query8, ref top, Gate);
            _counts[worker] = top.Count;
        }
        else
        {
            var top = new TopK<float>(_floatScores.AsSpan(worker * K, K), rows, K, _counts[worker]);
            FloatScan.Scan(Level, Data, Dimension, from, to, Query, ref top, Gate);
            _counts[worker] = top.Count;
        }
    }

    /// <summary>Offers every worker's kept pairs to <paramref name="top"/>.</summary>
    public void MergeInto<T>(ref TopK<T> top)
        where T : unmanaged, System.Numerics.INumber<T>
    {
        for (var w = 0; w < Workers; w++)
        {
            for (var i = 0; i < _counts[w]; i++)
            {
                var at = w * K + i;
                var score = typeof(T) == typeof(int) ? (T)(object)_intScores[at] : (T)(object)_floatScores[at];
                top.TryInsert(score, _rows[at]);
            }
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SosRap.Pipeline.Search.Kernels;

/// <summary>
/// Exact float32 scoring of one query against row panels, fused with top-k selection.
/// <para>
/// Layout: rows are stored in panels of <see cref="PanelRows"/> (64) rows, dimension-major inside
/// a panel (<c>panel[p * 64 + lane]</c>), so 256 consecutive bytes hold component p of 64 rows
/// and a scan reads memory as one sequential stream. A kernel broadcasts <c>q[p]</c> and does one
/// fused multiply-add per 16 rows: no horizontal sums and no dimension tail. Every row's score is
/// the same sequential FMA chain over p = 0..d-1 in every path (scalar, 128, 256, 512 bits,
/// single query, batch, k-NN graph), so all paths give bit-identical scores and rankings.
/// </para>
/// <para>
/// The scores of a panel are compared with the current k-th best while still in registers and
/// only stored when one of them can enter the result, which is rare once the heap is full. A
/// filter is one 64-bit word per panel, so a panel with no allowed row is skipped unread.
/// </para>
/// </summary>
internal static unsafe class FloatScan
{
    /// <summary>Rows per panel (and bits per filter word).</summary>
    public const int PanelRows = 64;

    /// <summary>
    /// Scores panels [<paramref name="from"/>, <paramref name="to"/>) and offers every allowed row
    /// to <paramref name="top"/>.
    /// </summary>
    public static void Scan(SimdLevel level, float* data, int d, int from, int to, float* q, ref TopK<float> top, in RowGate gate)
    {
        var stride = (nint)d * PanelRows;
        var tile = stackalloc float[PanelRows];
        var filtered = gate.Filter != null;
        for (var g = from; g < to; g++)
        {
            if (filtered && gate.FilterWord(g) == 0) continue;
            var panel = data + g * stride;
            var hit = level switch
            {
                SimdLevel.Vector512 => Panel512(panel, d, q, top.Threshold, tile),
                SimdLevel.Vector256 => Panel256(panel, d, q, top.Threshold, tile),
                SimdLevel.Vector128 => Half128(panel, d, q, top.Threshold, tile) | Half128(panel + 32, d, q, top.Threshold, tile + 32),
                _ => ScalarPanel(panel, d, q, tile),
            };
            if (hit) Collect(tile, g * PanelRows, PanelRows, ref top, gate);
        }
    }

    /// <summary>Writes the exact scores of the 64 rows of one panel to <paramref name="scores"/>.</summary>
    public static void ScorePanel(SimdLevel level, float* panel, int d, float* q, float* scores)
    {
        _ = level switch
        {
            SimdLevel.Vector512 => Panel512(panel, d, q, float.NegativeInfinity, scores),
            SimdLevel.Vector256 => Panel256(panel, d, q, float.NegativeInfinity, scores),
            SimdLevel.Vector128 => Half128(panel, d, q, float.NegativeInfinity, scores) | Half128(panel + 32, d, q, float.NegativeInfinity, scores + 32),
            _ => ScalarPanel(panel, d, q, scores),
        };
    }

    /// <summary>
    /// The exact score of one row, read from its panel with stride 64: the same FMA chain as the
    /// panel kernels, so the same bits. Used to re-rank a short list of candidates.
    /// </summary>
    public static float ScoreRow(float* data, int d, int row, float* q)
    {
        var x = data + (nint)(row / PanelRows) * d * PanelRows + (row % PanelRows);
        var acc = 0f;
        for (nint p = 0; p < d; p++) acc = MathF.FusedMultiplyAdd(x[p * PanelRows], q[p], acc);
        return acc;
    }

    /// <summary>
    /// Exact scores of <paramref name="rows"/> (any order) into <paramref name="scores"/>, the
    /// same bits as <see cref="ScoreRow"/>. With AVX2, 16 rows are scored at once: per component
    /// two 8-lane gathers (one per 8 rows) feed two FMA chains, so the strided loads of 16 rows
    /// are in flight together instead of one row's dependent chain at a time.
    /// </summary>
    public static void ScoreRows(SimdLevel level, float* data, int d, int rowCount, ReadOnlySpan<int> rows, float* q, Span<float> scores)
    {
        var i = 0;
        // Gather indices are 32-bit element offsets: only for blocks below 2^31 floats.
        if (level >= SimdLevel.Vector256 && Avx2.IsSupported && (long)PanelCountOf(rowCount) * d * PanelRows < int.MaxValue)
        {
            var offsets = stackalloc int[16];
            var result = stackalloc float[16];
            for (; i < rows.Length; i += 16)
            {
                var n = Math.Min(16, rows.Length - i);
                for (var j = 0; j < 16; j++)
                {
                    var row = rows[i + Math.Min(j, n - 1)];
                    offsets[j] = (row / PanelRows) * d * PanelRows + (row % PanelRows);
                }
                Gather16(data, d, q, Vector256.Load(offsets), Vector256.Load(offsets + 8), result);
                for (var j = 0; j < n; j++) scores[i + j] = result[j];
            }
            return;
        }
        for (; i < rows.Length; i++) scores[i] = ScoreRow(data, d, rows[i], q);
    }

    private static int PanelCountOf(int rows) => (rows + PanelRows - 1) / PanelRows;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gather16(float* data, int d, float* q, Vector256<int> lo, Vector256<int> hi, float* result)
    {
        Vector256<float> a0 = default, a1 = default;
        var end = q + d;
        for (var b = data; q < end; q++, b += PanelRows)
        {
            var x = Vector256.Create(*q);
            a0 = Vector256.FusedMultiplyAdd(Avx2.GatherVector256(b, lo, 4), x, a0);
            a1 = Vector256.FusedMultiplyAdd(Avx2.GatherVector256(b, hi, 4), x, a1);
        }
        a0.Store(result);
        a1.Store(result + 8);
    }

    /// <summary>Offers the lanes of a score tile that reach the threshold to the heap.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Collect(float* scores, int firstRow, int lanes, ref TopK<float> top, in RowGate gate)
    {
        var t = top.Threshold;
        for (var i = 0; i < lanes; i++)
        {
            var s = scores[i];
            if (s >= t && gate.Allows(firstRow + i) && top.TryInsert(s, firstRow + i)) t = top.Threshold;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Panel512(float* b, int d, float* q, float threshold, float* tile)
    {
        var a0 = Vector512<float>.Zero;
        var a1 = Vector512<float>.Zero;
        var a2 = Vector512<float>.Zero;
        var a3 = Vector512<float>.Zero;
        var end = q + d;
        for (; q < end; q++, b += PanelRows)
        {
            var x = Vector512.Create(*q);
            a0 = Vector512.FusedMultiplyAdd(Vector512.Load(b), x, a0);
            a1 = Vector512.FusedMultiplyAdd(Vector512.Load(b + 16), x, a1);
            a2 = Vector512.FusedMultiplyAdd(Vector512.Load(b + 32), x, a2);
            a3 = Vector512.FusedMultiplyAdd(Vector512.Load(b + 48), x, a3);
        }
        var t = Vector512.Create(threshold);
        var any = Vector512.GreaterThanOrEqual(a0, t) | Vector512.GreaterThanOrEqual(a1, t)
                | Vector512.GreaterThanOrEqual(a2, t) | Vector512.GreaterThanOrEqual(a3, t);
        if (any == Vector512<float>.Zero) return false;
        a0.Store(tile);
        a1.Store(tile + 16);
        a2.Store(tile + 32);
        a3.Store(tile + 48);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Panel256(float* b, int d, float* q, float threshold, float* tile)
    {
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default,
                         a4 = default, a5 = default, a6 = default, a7 = default;
        var end = q + d;
        for (; q < end; q++, b += PanelRows)
        {
            var x = Vector256.Create(*q);
            a0 = Vector256.FusedMultiplyAdd(Vector256.Load(b), x, a0);
            a1 = Vector256.FusedMultiplyAdd(Vector256.Load(b + 8), x, a1);
            a2 = Vector256.FusedMultiplyAdd(Vector256.Load(b + 16), x, a2);
            a3 = Vector256.FusedMultiplyAdd(Vector256.Load(b + 24), x, a3);
            a4 = Vector256.FusedMultiplyAdd(Vector256.Load(b + 32), x, a4);
            a5 = Vector256.FusedMultiplyAdd(Vector256.Load(b + 40), x, a5);
            a6 = Vector256.FusedMultiplyAdd(Vector256.Load(b + 48), x, a6);
            a7 = Vector256.FusedMultiplyAdd(Vector256.Load(b + 56), x, a7);
        }
        var t = Vector256.Create(threshold);
        var any = Vector256.GreaterThanOrEqual(a0, t) | Vector256.GreaterThanOrEqual(a1, t)
                | Vector256.GreaterThanOrEqual(a2, t) | Vector256.GreaterThanOrEqual(a3, t)
                | Vector256.GreaterThanOrEqual(a4, t) | Vector256.GreaterThanOrEqual(a5, t)
                | Vector256.GreaterThanOrEqual(a6, t) | Vector256.GreaterThanOrEqual(a7, t);
        if (any == Vector256<float>.Zero) return false;
        a0.Store(tile);
        a1.Store(tile + 8);
        a2.Store(tile + 16);
        a3.Store(tile + 24);
        a4.Store(tile + 32);
        a5.Store(tile + 40);
        a6.Store(tile + 48);
        a7.Store(tile + 56);
        return true;
    }

    /// <summary>Half a panel (32 rows) with 128-bit vectors: 8 accumulators fit 16 SSE registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Half128(float* b, int d, float* q, float threshold, float* tile)
    {
        Vector128<float> a0 = default, a1 = default, a2 = default, a3 = default,
                         a4 = default, a5 = default, a6 = default, a7 = default;
        var end = q + d;
        for (; q < end; q++, b += PanelRows)
        {
            var x = Vector128.Create(*q);
            a0 = Vector128.FusedMultiplyAdd(Vector128.Load(b), x, a0);
            a1 = Vector128.FusedMultiplyAdd(Vector128.Load(b + 4), x, a1);
            a2 = Vector128.FusedMultiplyAdd(Vector128.Load(b + 8), x, a2);
            a3 = Vector128.FusedMultiplyAdd(Vector128.Load(b + 12), x, a3);
            a4 = Vector128.FusedMultiplyAdd(Vector128.Load(b + 16), x, a4);
            a5 = Vector128.FusedMultiplyAdd(Vector128.Load(b + 20), x, a5);
            a6 = Vector128.FusedMultiplyAdd(Vector128.Load(b + 24), x, a6);
            a7 = Vector128.FusedMultiplyAdd(Vector128.Load(b + 28), x, a7);
        }
        // Always stored: the caller ORs two halves, so both must be valid when either hits.
        a0.Store(tile);
        a1.Store(tile + 4);
        a2.Store(tile + 8);
        a3.Store(tile + 12);
        a4.Store(tile + 16);
        a5.Store(tile + 20);
        a6.Store(tile + 24);
        a7.Store(tile + 28);
        var t = Vector128.Create(threshold);
        var any = Vector128.GreaterThanOrEqual(a0, t) | Vector128.GreaterThanOrEqual(a1, t)
                | Vector128.GreaterThanOrEqual(a2, t) | Vector128.GreaterThanOrEqual(a3, t)
                | Vector128.GreaterThanOrEqual(a4, t) | Vector128.GreaterThanOrEqual(a5, t)
                | Vector128.GreaterThanOrEqual(a6, t) | Vector128.GreaterThanOrEqual(a7, t);
        return any != Vector128<float>.Zero;
    }

    /// <summary>The reference: one sequential FMA chain per row. Always reports a hit.</summary>
    private static bool ScalarPanel(float* b, int d, float* q, float* scores)
    {
        for (var lane = 0; lane < PanelRows; lane++)
        {
            var acc = 0f;
            for (nint p = 0; p < d; p++) acc = MathF.FusedMultiplyAdd(b[p * PanelRows + lane], q[p], acc);
            scores[lane] = acc;
        }
        return true;
    }
}

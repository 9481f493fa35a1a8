using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SosRap.Pipeline.Search.Kernels;

/// <summary>
/// Approximate scoring of one int8 query against unsigned 8-bit codes, fused with selection of
/// a short list.
/// <para>
/// Layout: 64-row panels like the float32 rows, but grouped by 4 components:
/// <c>panel[g * 256 + lane * 4 + t]</c> is the code of component 4g+t of row <c>lane</c>. One
/// 32-byte load then holds 4 components of 8 rows, which is what AVX-VNNI <c>vpdpbusd</c>
/// multiplies (unsigned code × signed query byte, 4 products summed per 32-bit lane) against the
/// query's 4 bytes broadcast to every lane. Without VNNI the codes are zero-extended to 16 bits
/// and multiplied with <c>vpmaddwd</c>; both give the same exact integers as the scalar path.
/// </para>
/// </summary>
internal static unsafe class Int8Scan
{
    private const int Rows = FloatScan.PanelRows;

    /// <summary>Bytes of one group of 4 components of a panel.</summary>
    public const int GroupBytes = 4 * Rows;

    /// <summary>Groups of 4 components for dimension <paramref name="d"/>.</summary>
    public static int Groups(int d) => (d + 3) / 4;

    /// <summary>
    /// Scores panels [<paramref name="from"/>, <paramref name="to"/>) of <paramref name="codes"/>
    /// against the quantised query <paramref name="q"/> (4 bytes per group, read as one int) and
    /// offers every allowed row to <paramref name="top"/>.
    /// </summary>
    public static void Scan(bool vnni, SimdLevel level, byte* codes, int groups, int from, int to, int* q, ref TopK<int> top, in RowGate gate)
    {
        var stride = (nint)groups * GroupBytes;
        var tile = stackalloc int[Rows];
        var filtered = gate.Filter != null;
        var path = level >= SimdLevel.Vector256 ? (vnni ? 2 : 1) : 0;
        for (var g = from; g < to; g++)
        {
            if (filtered && gate.FilterWord(g) == 0) continue;
            var panel = codes + g * stride;
            var hit = path switch
            {
                2 => PanelVnni(panel, groups, q, top.Threshold, tile),
                1 => PanelWiden(panel, groups, q, tile),
                _ => PanelScalar(panel, groups, q, tile),
            };
            if (hit) Collect(tile, g * Rows, ref top, gate);
        }
    }

    /// <summary>Writes the integer scores of one panel's 64 rows (test hook for every path).</summary>
    public static void ScorePanel(bool vnni, SimdLevel level, byte* panel, int groups, int* q, int* scores)
    {
        if (level >= SimdLevel.Vector256 && vnni) PanelVnni(panel, groups, q, int.MinValue, scores);
        else if (level >= SimdLevel.Vector256) PanelWiden(panel, groups, q, scores);
        else PanelScalar(panel, groups, q, scores);
    }

    /// <summary>Span form of <see cref="ScorePanel(bool, SimdLevel, byte*, int, int*, int*)"/> for tests.</summary>
    public static void ScorePanel(bool vnni, SimdLevel level, ReadOnlySpan<byte> panel, int groups, ReadOnlySpan<int> q, Span<int> scores)
    {
        if (panel.Length < groups * GroupBytes || q.Length < groups || scores.Length < Rows)
            throw new ArgumentException("buffers too small for one panel");
        fixed (byte* b = panel)
        fixed (int* qp = q)
        fixed (int* s = scores)
        {
            ScorePanel(vnni, level, b, groups, qp, s);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Collect(int* scores, int firstRow, ref TopK<int> top, in RowGate gate)
    {
        var t = top.Threshold;
        for (var i = 0; i < Rows; i++)
        {
            var s = scores[i];
            if (s >= t && gate.Allows(firstRow + i) && top.TryInsert(s, firstRow + i)) t = top.Threshold;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool PanelVnni(byte* b, int groups, int* q, int threshold, int* tile)
    {
        Vector256<int> a0 = default, a1 = default, a2 = default, a3 = default,
                       a4 = default, a5 = default, a6 = default, a7 = default;
        var end = q + groups;
        for (; q < end; q++, b += GroupBytes)
        {
            var x = Vector256.Create(*q).AsSByte();
            a0 = AvxVnni.MultiplyWideningAndAdd(a0, Vector256.Load(b), x);
            a1 = AvxVnni.MultiplyWideningAndAdd(a1, Vector256.Load(b + 32), x);
            a2 = AvxVnni.MultiplyWideningAndAdd(a2, Vector256.Load(b + 64), x);
            a3 = AvxVnni.MultiplyWideningAndAdd(a3, Vector256.Load(b + 96), x);
            a4 = AvxVnni.MultiplyWideningAndAdd(a4, Vector256.Load(b + 128), x);
            a5 = AvxVnni.MultiplyWideningAndAdd(a5, Vector256.Load(b + 160), x);
            a6 = AvxVnni.MultiplyWideningAndAdd(a6, Vector256.Load(b + 192), x);
            a7 = AvxVnni.MultiplyWideningAndAdd(a7, Vector256.Load(b + 224), x);
        }
        var t = Vector256.Create(threshold);
        var any = Vector256.GreaterThanOrEqual(a0, t) | Vector256.GreaterThanOrEqual(a1, t)
                | Vector256.GreaterThanOrEqual(a2, t) | Vector256.GreaterThanOrEqual(a3, t)
                | Vector256.GreaterThanOrEqual(a4, t) | Vector256.GreaterThanOrEqual(a5, t)
                | Vector256.GreaterThanOrEqual(a6, t) | Vector256.GreaterThanOrEqual(a7, t);
        if (any == Vector256<int>.Zero) return false;
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

    /// <summary>
    /// AVX2 without VNNI: 16 rows per pass; each 16-byte chunk (4 rows × 4 components) is
    /// zero-extended to 16 bits and multiplied with <c>vpmaddwd</c> by the query's 4 components
    /// repeated, which leaves two partial sums per row (no 16-bit saturation is possible).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool PanelWiden(byte* panel, int groups, int* q, int* tile)
    {
        var partial = stackalloc int[8];
        for (var pass = 0; pass < 4; pass++)
        {
            Vector256<int> a0 = default, a1 = default, a2 = default, a3 = default;
            var b = panel + pass * 64;
            for (var g = 0; g < groups; g++, b += GroupBytes)
            {
                // The group's 4 signed bytes, sign-extended to 16 bits and repeated for 4 rows.
                var xs = Vector256.Create(Sse41.ConvertToVector128Int16(Vector128.CreateScalar(q[g]).AsSByte()).AsInt64().ToScalar()).AsInt16();
                a0 = Avx2.Add(a0, Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.Load(b)), xs));
                a1 = Avx2.Add(a1, Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.Load(b + 16)), xs));
                a2 = Avx2.Add(a2, Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.Load(b + 32)), xs));
                a3 = Avx2.Add(a3, Avx2.MultiplyAddAdjacent(Avx2.ConvertToVector256Int16(Vector128.Load(b + 48)), xs));
            }
            var rows = tile + pass * 16;
            Pairs(a0, partial, rows);
            Pairs(a1, partial, rows + 4);
            Pairs(a2, partial, rows + 8);
            Pairs(a3, partial, rows + 12);
        }
        return true;

        static void Pairs(Vector256<int> a, int* partial, int* rows)
        {
            a.Store(partial);
            for (var r = 0; r < 4; r++) rows[r] = partial[2 * r] + partial[2 * r + 1];
        }
    }

    private static bool PanelScalar(byte* panel, int groups, int* q, int* tile)
    {
        var qb = (sbyte*)q;
        for (var lane = 0; lane < Rows; lane++)
        {
            var acc = 0;
            for (var g = 0; g < groups; g++)
            {
                var c = panel + (nint)g * GroupBytes + lane * 4;
                var w = qb + g * 4;
                acc += c[0] * w[0] + c[1] * w[1] + c[2] * w[2] + c[3] * w[3];
            }
            tile[lane] = acc;
        }
        return true;
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace SosRap.Pipeline.Search.Kernels;

/// <summary>
/// Register-blocked micro-kernels for many queries at once: a tile of
/// <see cref="TileQueries"/> queries × one 64-row panel, as in a GEMM micro-kernel. With 512-bit
/// vectors the tile keeps 6 × 4 = 24 accumulators in registers; per component it loads the
/// panel's 4 vectors once and broadcasts each query's component once, so 24 FMAs share 10 loads.
/// The caller blocks for cache: a panel (96 KB at d = 384) stays in L2 while every query tile of a
/// block runs over it. Each score is the same FMA chain as <see cref="FloatScan"/>, so batch and
/// single-query results agree to the bit.
/// <para>
/// Query component p of query i is read at <c>q_i + p * step</c>: step 1 for row-major queries,
/// 64 for queries that are rows of the index itself (k-NN graph).
/// </para>
/// </summary>
internal static unsafe class BatchScan
{
    /// <summary>Queries per tile.</summary>
    public const int TileQueries = 6;

    private const int Rows = FloatScan.PanelRows;

    /// <summary>
    /// Writes the scores of 6 queries against one panel to <paramref name="tile"/>
    /// (<c>tile[i * 64 + lane]</c>). Unused query slots may repeat a pointer.
    /// </summary>
    public static void Tile(SimdLevel level, float* q0, float* q1, float* q2, float* q3, float* q4, float* q5, nint step, float* panel, int d, float* tile)
    {
        switch (level)
        {
            case SimdLevel.Vector512:
                Tile512(q0, q1, q2, q3, q4, q5, step, panel, d, tile);
                break;
            case SimdLevel.Vector256:
                Pair256(q0, q1, step, panel, d, tile);
                Pair256(q0, q1, step, panel + 32, d, tile + 32);
                Pair256(q2, q3, step, panel, d, tile + 2 * Rows);
                Pair256(q2, q3, step, panel + 32, d, tile + 2 * Rows + 32);
                Pair256(q4, q5, step, panel, d, tile + 4 * Rows);
                Pair256(q4, q5, step, panel + 32, d, tile + 4 * Rows + 32);
                break;
            default:
                Scalar(q0, step, panel, d, tile);
                Scalar(q1, step, panel, d, tile + Rows);
                Scalar(q2, step, panel, d, tile + 2 * Rows);
                Scalar(q3, step, panel, d, tile + 3 * Rows);
                Scalar(q4, step, panel, d, tile + 4 * Rows);
                Scalar(q5, step, panel, d, tile + 5 * Rows);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile512(float* q0, float* q1, float* q2, float* q3, float* q4, float* q5, nint step, float* b, int d, float* tile)
    {
        Vector512<float> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector512<float> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector512<float> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector512<float> c30 = default, c31 = default, c32 = default, c33 = default;
        Vector512<float> c40 = default, c41 = default, c42 = default, c43 = default;
        Vector512<float> c50 = default, c51 = default, c52 = default, c53 = default;
        var end = b + (nint)d * Rows;
        nint o = 0;
        for (; b < end; b += Rows, o += step)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 16);
            var b2 = Vector512.Load(b + 32);
            var b3 = Vector512.Load(b + 48);
            var x = Vector512.Create(q0[o]);
            c00 = Vector512.FusedMultiplyAdd(b0, x, c00);
            c01 = Vector512.FusedMultiplyAdd(b1, x, c01);
            c02 = Vector512.FusedMultiplyAdd(b2, x, c02);
            c03 = Vector512.FusedMultiplyAdd(b3, x, c03);
            x = Vector512.Create(q1[o]);
            c10 = Vector512.FusedMultiplyAdd(b0, x, c10);
            c11 = Vector512.FusedMultiplyAdd(b1, x, c11);
            c12 = Vector512.FusedMultiplyAdd(b2, x, c12);
            c13 = Vector512.FusedMultiplyAdd(b3, x, c13);
            x = Vector512.Create(q2[o]);
            c20 = Vector512.FusedMultiplyAdd(b0, x, c20);
            c21 = Vector512.FusedMultiplyAdd(b1, x, c21);
            c22 = Vector512.FusedMultiplyAdd(b2, x, c22);
            c23 = Vector512.FusedMultiplyAdd(b3, x, c23);
            x = Vector512.Create(q3[o]);
            c30 = Vector512.FusedMultiplyAdd(b0, x, c30);
            c31 = Vector512.FusedMultiplyAdd(b1, x, c31);
            c32 = Vector512.FusedMultiplyAdd(b2, x, c32);
            c33 = Vector512.FusedMultiplyAdd(b3, x, c33);
            x = Vector512.Create(q4[o]);
            c40 = Vector512.FusedMultiplyAdd(b0, x, c40);
            c41 = Vector512.FusedMultiplyAdd(b1, x, c41);
            c42 = Vector512.FusedMultiplyAdd(b2, x, c42);
            c43 = Vector512.FusedMultiplyAdd(b3, x, c43);
            x = Vector512.Create(q5[o]);
            c50 = Vector512.FusedMultiplyAdd(b0, x, c50);
            c51 = Vector512.FusedMultiplyAdd(b1, x, c51);
            c52 = Vector512.FusedMultiplyAdd(b2, x, c52);
            c53 = Vector512.FusedMultiplyAdd(b3, x, c53);
        }
        c00.Store(tile); c01.Store(tile + 16); c02.Store(tile + 32); c03.Store(tile + 48);
        c10.Store(tile + 64); c11.Store(tile + 80); c12.Store(tile + 96); c13.Store(tile + 112);
        c20.Store(tile + 128); c21.Store(tile + 144); c22.Store(tile + 160); c23.Store(tile + 176);
        c30.Store(tile + 192); c31.Store(tile + 208); c32.Store(tile + 224); c33.Store(tile + 240);
        c40.Store(tile + 256); c41.Store(tile + 272); c42.Store(tile + 288); c43.Store(tile + 304);
        c50.Store(tile + 320); c51.Store(tile + 336); c52.Store(tile + 352); c53.Store(tile + 368);
    }

    /// <summary>Two queries × half a panel (32 rows): 8 accumulators of the 16 AVX registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Pair256(float* q0, float* q1, nint step, float* b, int d, float* tile)
    {
        Vector256<float> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector256<float> c10 = default, c11 = default, c12 = default, c13 = default;
        var end = b + (nint)d * Rows;
        nint o = 0;
        for (; b < end; b += Rows, o += step)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 8);
            var b2 = Vector256.Load(b + 16);
            var b3 = Vector256.Load(b + 24);
            var x = Vector256.Create(q0[o]);
            c00 = Vector256.FusedMultiplyAdd(b0, x, c00);
            c01 = Vector256.FusedMultiplyAdd(b1, x, c01);
            c02 = Vector256.FusedMultiplyAdd(b2, x, c02);
            c03 = Vector256.FusedMultiplyAdd(b3, x, c03);
            x = Vector256.Create(q1[o]);
            c10 = Vector256.FusedMultiplyAdd(b0, x, c10);
            c11 = Vector256.FusedMultiplyAdd(b1, x, c11);
            c12 = Vector256.FusedMultiplyAdd(b2, x, c12);
            c13 = Vector256.FusedMultiplyAdd(b3, x, c13);
        }
        c00.Store(tile); c01.Store(tile + 8); c02.Store(tile + 16); c03.Store(tile + 24);
        c10.Store(tile + Rows); c11.Store(tile + Rows + 8); c12.Store(tile + Rows + 16); c13.Store(tile + Rows + 24);
    }

    private static void Scalar(float* q, nint step, float* b, int d, float* scores)
    {
        for (var lane = 0; lane < Rows; lane++)
        {
            var acc = 0f;
            for (nint p = 0; p < d; p++) acc = MathF.FusedMultiplyAdd(b[p * Rows + lane], q[p * step], acc);
            scores[lane] = acc;
        }
    }
}

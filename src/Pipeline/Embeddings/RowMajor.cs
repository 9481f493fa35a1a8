using System.Numerics.Tensors;
using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Embeddings;

/// <summary>
/// Kernels of randomized SVD on tall, thin row-major blocks of doubles (rows × width, width a few
/// hundred at most): sparse × dense products, Gram matrices, and orthonormalisation. Work is cut
/// into a fixed number of row ranges that does not depend on the thread count, and partial sums are
/// added in range order, so results are bit-identical however many threads run.
/// </summary>
internal static class RowMajor
{
    private const int Ranges = 64;

    // Rows handled together by the blocked kernels (8 rows of 200-odd doubles stay in L1 with one row of the small matrix).
    private const int Block = 8;

    /// <summary><c>C = A × B</c>: A is sparse (rows × cols), B is cols × width, C is rows × width (overwritten).</summary>
    public static void SparseTimesDense(SparseMatrix a, double[] b, int width, double[] c, ParallelOptions parallel)
    {
        var pointers = a.RowPointerArray;
        var columns = a.ColumnArray;
        var values = a.ValueArray;
        var rows = a.RowCount;
        ForRanges(rows, parallel, (from, to) =>
        {
            for (var r = from; r < to; r++)
            {
                var target = c.AsSpan(r * width, width);
                target.Clear();
                for (var k = pointers[r]; k < pointers[r + 1]; k++)
                    TensorPrimitives.MultiplyAdd(b.AsSpan(columns[k] * width, width), values[k], target, target);
            }
        });
    }

    /// <summary>The upper triangle (mirrored to the lower) of <c>Yᵀ Y</c>, width × width.</summary>
    public static double[] Gram(double[] y, int rows, int width, ParallelOptions parallel)
    {
        var ranges = RangeCount(rows);
        var partial = new double[ranges][];
        Parallel.For(0, ranges, parallel, p =>
        {
            var (from, to) = Range(rows, ranges, p);
            var g = new double[width * width];
            // Rows in blocks: each row of G (width doubles, in L1) takes the updates of a whole block
            // before the next is touched, instead of streaming all of G once per row.
            for (var block = from; block < to; block += Block)
            {
                var end = Math.Min(to, block + Block);
                for (var i = 0; i < width; i++)
                {
                    var gi = g.AsSpan((i * width) + i, width - i);
                    for (var r = block; r < end; r++)
                    {
                        var v = y[(r * width) + i];
                        if (v != 0) TensorPrimitives.MultiplyAdd(y.AsSpan((r * width) + i, width - i), v, gi, gi);
                    }
                }
            }

            partial[p] = g;
        });

        var sum = partial[0] ?? new double[width * width];
        for (var p = 1; p < ranges; p++) TensorPrimitives.Add(sum, partial[p], sum);
        for (var i = 0; i < width; i++)
        {
            for (var j = 0; j < i; j++) sum[(i * width) + j] = sum[(j * width) + i];
        }

        return sum;
    }

    /// <summary>
    /// Replaces each row y by <c>y × M</c>, M width × outWidth row-major; returns the new block
    /// (the same array when the width stays). With <paramref name="upperTriangular"/> (M = R⁻¹ of a
    /// Cholesky factor) row i of M is read from column i on, halving the work.
    /// </summary>
    public static double[] MultiplyRows(double[] y, int rows, int width, double[] m, int outWidth, ParallelOptions parallel, bool upperTriangular = false)
    {
        var result = outWidth == width ? y : new double[Size(rows, outWidth)];
        MultiplyRowsCore(y, rows, width, m, outWidth, parallel, upperTriangular, (block, count, scratch) =>
            scratch.AsSpan(0, count * outWidth).CopyTo(result.AsSpan(block * outWidth, count * outWidth)));
        return result;
    }

    /// <summary>As <see cref="MultiplyRows"/>, written as floats into <paramref name="result"/> (rows × outWidth), so no second block of doubles is needed.</summary>
    public static void MultiplyRowsToFloat(double[] y, int rows, int width, double[] m, int outWidth, float[] result, ParallelOptions parallel) =>
        MultiplyRowsCore(y, rows, width, m, outWidth, parallel, false, (block, count, scratch) =>
        {
            var target = result.AsSpan(block * outWidth, count * outWidth);
            for (var i = 0; i < target.Length; i++) target[i] = (float)scratch[i];
        });

    private static void MultiplyRowsCore(double[] y, int rows, int width, double[] m, int outWidth, ParallelOptions parallel, bool upperTriangular,
        Action<int, int, double[]> store)
    {
        ForRanges(rows, parallel, (from, to) =>
        {
            var scratch = new double[Block * outWidth];
            for (var block = from; block < to; block += Block)
            {
                var end = Math.Min(to, block + Block);
                scratch.AsSpan().Clear();
                // Blocked as Gram: each row of M is applied to the whole block while it is in L1.
                for (var i = 0; i < width; i++)
                {
                    var start = upperTriangular ? i : 0;
                    var mi = m.AsSpan((i * outWidth) + start, outWidth - start);
                    for (var r = block; r < end; r++)
                    {
                        var v = y[(r * width) + i];
                        if (v == 0) continue;
                        var target = scratch.AsSpan(((r - block) * outWidth) + start, outWidth - start);
                        TensorPrimitives.MultiplyAdd(mi, v, target, target);
                    }
                }

                // The block's rows are read in full before they are stored, so storing in place is safe.
                store(block, end - block, scratch);
            }
        });
    }

    /// <summary>
    /// Makes the columns of Y orthonormal, spanning the same space, by CholeskyQR: R from the
    /// Cholesky factor of the Gram matrix, then Y R⁻¹. Two passes (Fukaya et al. 2014, "CholeskyQR2")
    /// are as accurate as Householder QR for the moderately conditioned blocks of power iteration;
    /// one pass is enough between power iterations, which only need a well-scaled basis. When the Gram
    /// matrix is numerically singular (Y has dependent columns, e.g. the matrix's rank is below the
    /// block width) the dependent directions are dropped through an eigen-decomposition, and the
    /// returned width is smaller.
    /// </summary>
    public static double[] Orthonormalize(double[] y, int rows, ref int width, ParallelOptions parallel, int passes = 2)
    {
        var restarted = false;
        for (var pass = 0; pass < passes && width > 0; pass++)
        {
            var gram = Gram(y, rows, width, parallel);
            var inverse = CholeskyInverse(gram, width);
            if (inverse is not null)
            {
                y = MultiplyRows(y, rows, width, inverse, width, parallel, upperTriangular: true);
                continue;
            }

            // Dependent columns: project onto the eigenvectors with non-negligible eigenvalues.
            var vectors = new double[width * width];
            var values = SymmetricEigen.Decompose(gram, width, vectors);
            var keep = 0;
            while (keep < width && values[keep] > values[0] * 1e-20 && values[keep] > 0) keep++;
            var m = new double[width * keep];
            for (var i = 0; i < width; i++)
            {
                for (var j = 0; j < keep; j++) m[(i * keep) + j] = vectors[(i * width) + j] / Math.Sqrt(values[j]);
            }

            y = MultiplyRows(y, rows, width, m, keep, parallel);
            width = keep;
            if (!restarted)
            {
                // Clean Cholesky passes on the reduced block polish its orthogonality.
                restarted = true;
                pass = -1;
            }
        }

        return y;
    }

    /// <summary>
    /// With <c>G = Rᵀ R</c> (R upper triangular), returns <c>R⁻¹</c> (upper triangular, row-major), or
    /// null when a pivot is not clearly positive (G numerically singular).
    /// </summary>
    internal static double[]? CholeskyInverse(double[] g, int n)
    {
        var r = new double[n * n];
        var maxDiagonal = 0d;
        for (var i = 0; i < n; i++) maxDiagonal = Math.Max(maxDiagonal, g[(i * n) + i]);
        if (!(maxDiagonal > 0)) return null;
        for (var j = 0; j < n; j++)
        {
            var d = g[(j * n) + j];
            for (var k = 0; k < j; k++) d -= r[(k * n) + j] * r[(k * n) + j];
            // Relative to the largest column: a pivot this small means a dependent column.
            if (!(d > maxDiagonal * 1e-13)) return null;
            var rjj = Math.Sqrt(d);
            r[(j * n) + j] = rjj;
            for (var i = j + 1; i < n; i++)
            {
                var s = g[(j * n) + i];
                for (var k = 0; k < j; k++) s -= r[(k * n) + j] * r[(k * n) + i];
                r[(j * n) + i] = s / rjj;
            }
        }

        // Invert the upper triangle by back substitution, column by column.
        var inv = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            inv[(j * n) + j] = 1 / r[(j * n) + j];
            for (var i = j - 1; i >= 0; i--)
            {
                var s = 0d;
                for (var k = i + 1; k <= j; k++) s += r[(i * n) + k] * inv[(k * n) + j];
                inv[(i * n) + j] = -s / r[(i * n) + i];
            }
        }

        return inv;
    }

    /// <summary>Runs <paramref name="body"/> over fixed, contiguous row ranges in parallel.</summary>
    public static void ForRanges(int rows, ParallelOptions parallel, Action<int, int> body)
    {
        var ranges = RangeCount(rows);
        Parallel.For(0, ranges, parallel, p =>
        {
            var (from, to) = Range(rows, ranges, p);
            body(from, to);
        });
    }

    /// <summary>rows × width as an array length, or a clear error when the block cannot be one array.</summary>
    public static int Size(int rows, int width)
    {
        var size = (long)rows * width;
        return size <= Array.MaxLength
            ? (int)size
            : throw new InvalidOperationException($"A {rows:N0} × {width} block exceeds the largest array; use a smaller dimension.");
    }

    private static int RangeCount(int rows) => Math.Max(1, Math.Min(Ranges, rows));

    private static (int From, int To) Range(int rows, int ranges, int p) =>
        ((int)((long)rows * p / ranges), (int)((long)rows * (p + 1) / ranges));
}

namespace SosRap.Pipeline.Embeddings;

/// <summary>
/// Eigenvalues and eigenvectors of a small symmetric matrix by the cyclic Jacobi method
/// (Golub &amp; Van Loan, Matrix Computations, §8.5): plane rotations zero one off-diagonal pair at a
/// time until the off-diagonal mass is negligible. Slower than QR iteration for large matrices, but
/// short, exact to rounding for the few-hundred-square matrices of randomized SVD, and accurate for
/// small eigenvalues of positive semi-definite matrices.
/// </summary>
internal static class SymmetricEigen
{
    private const int MaxSweeps = 60;

    /// <summary>
    /// Decomposes the symmetric <paramref name="n"/> × <paramref name="n"/> row-major matrix
    /// <paramref name="a"/> (only its upper triangle is read; it is overwritten). Returns the
    /// eigenvalues in descending order and writes the matching unit eigenvectors as the columns of
    /// <paramref name="vectors"/> (row-major n × n).
    /// </summary>
    public static double[] Decompose(double[] a, int n, double[] vectors)
    {
        if (a.Length < n * n || vectors.Length < n * n) throw new ArgumentException("Buffers are smaller than n × n.");
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++) a[(i * n) + j] = a[(j * n) + i];
        }

        Array.Clear(vectors, 0, n * n);
        for (var i = 0; i < n; i++) vectors[(i * n) + i] = 1;

        var scale = 0d;
        for (var i = 0; i < n * n; i++) scale += a[i] * a[i];
        if (scale == 0) return Sorted(a, n, vectors);
        var tolerance = scale * 1e-30;

        for (var sweep = 0; sweep < MaxSweeps; sweep++)
        {
            var off = 0d;
            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++) off += a[(p * n) + q] * a[(p * n) + q];
            }

            if (off <= tolerance) break;
            for (var p = 0; p < n - 1; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    var apq = a[(p * n) + q];
                    if (Math.Abs(apq) < 1e-300) continue;
                    var app = a[(p * n) + p];
                    var aqq = a[(q * n) + q];
                    // Skip pairs already negligible next to both diagonals (keeps late sweeps cheap).
                    if (sweep > 3 && Math.Abs(apq) < 1e-18 * Math.Sqrt(Math.Abs(app * aqq))) continue;
                    var theta = (aqq - app) / (2 * apq);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    if (theta == 0) t = 1;
                    var c = 1 / Math.Sqrt((t * t) + 1);
                    var s = t * c;
                    Rotate(a, n, p, q, c, s, t, apq);
                    for (var k = 0; k < n; k++)
                    {
                        var vp = vectors[(k * n) + p];
                        var vq = vectors[(k * n) + q];
                        vectors[(k * n) + p] = (c * vp) - (s * vq);
                        vectors[(k * n) + q] = (s * vp) + (c * vq);
                    }
                }
            }
        }

        return Sorted(a, n, vectors);
    }

    private static void Rotate(double[] a, int n, int p, int q, double c, double s, double t, double apq)
    {
        a[(p * n) + p] -= t * apq;
        a[(q * n) + q] += t * apq;
        a[(p * n) + q] = 0;
        a[(q * n) + p] = 0;
        for (var k = 0; k < n; k++)
        {
            if (k == p || k == q) continue;
            var akp = a[(k * n) + p];
            var akq = a[(k * n) + q];
            var nkp = (c * akp) - (s * akq);
            var nkq = (s * akp) + (c * akq);
            a[(k * n) + p] = nkp;
            a[(p * n) + k] = nkp;
            a[(k * n) + q] = nkq;
            a[(q * n) + k] = nkq;
        }
    }

    private static double[] Sorted(double[] a, int n, double[] vectors)
    {
        var values = new double[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = a[(i * n) + i];
            order[i] = i;
        }

        // Descending, ties by index: deterministic.
        Array.Sort(order, (x, y) => values[y] != values[x] ? values[y].CompareTo(values[x]) : x.CompareTo(y));
        var sortedValues = new double[n];
        var copy = (double[])vectors.Clone();
        for (var j = 0; j < n; j++)
        {
            sortedValues[j] = values[order[j]];
            for (var k = 0; k < n; k++) vectors[(k * n) + j] = copy[(k * n) + order[j]];
        }

        return sortedValues;
    }
}

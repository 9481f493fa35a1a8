using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Embeddings;

/// <summary>
/// Truncated SVD of a sparse matrix by randomized range finding (Halko, Martinsson &amp; Tropp 2011,
/// "Finding structure with randomness", Algorithms 4.4 and 5.1), as scikit-learn's
/// <c>randomized_svd</c>:
/// <list type="number">
/// <item>Y = A Ω with Ω a seeded Gaussian columns × (k + p) matrix; Q = orth(Y).</item>
/// <item>q power iterations, re-orthonormalising after every product: Z = orth(Aᵀ Q), Q = orth(A Z).</item>
/// <item>Bᵀ = Aᵀ Q (columns × l); the small l × l matrix B Bᵀ is eigen-decomposed (Jacobi):
/// B Bᵀ = W Λ Wᵀ, so σ = √λ and V = Bᵀ W Σ⁻¹.</item>
/// </list>
/// Only sparse × thin-dense products touch A, so memory is the sparse matrix twice (A and Aᵀ) plus
/// two rows × l and columns × l blocks of doubles — never rows × columns.
/// </summary>
public static class RandomizedSvd
{
    /// <summary>Computes the leading <paramref name="rank"/> singular values and right singular vectors of <paramref name="matrix"/>.</summary>
    /// <param name="matrix">A, rows × columns.</param>
    /// <param name="rank">Components wanted; capped by min(rows, columns) and by the numerical rank.</param>
    /// <param name="options">Oversampling, power iterations, seed, threads.</param>
    /// <param name="progress">Receives <c>svd</c> steps.</param>
    /// <param name="cancellationToken">Stops between and inside the products.</param>
    public static TruncatedSvd Compute(SparseMatrix matrix, int rank, RandomizedSvdOptions? options = null,
        IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfLessThan(rank, 1);
        options = (options ?? new RandomizedSvdOptions()).Validate();
        var rows = matrix.RowCount;
        var columns = matrix.ColumnCount;
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        var k = Math.Min(rank, Math.Min(rows, columns));
        if (k == 0 || matrix.NonZeroCount == 0) return new TruncatedSvd(columns, [], []);
        var width = Math.Min(k + options.Oversampling, Math.Min(rows, columns));
        var steps = 3 + (2 * options.PowerIterations);
        var step = 0;
        progress?.Report(new FitProgress("svd", step, steps));

        var transposed = matrix.Transpose();
        var z = Gaussian(columns, width, options.Seed);
        var y = new double[RowMajor.Size(rows, width)];
        RowMajor.SparseTimesDense(matrix, z, width, y, parallel);
        // One CholeskyQR pass between power iterations (as scikit-learn normalises them cheaply by LU); two for the final basis.
        y = RowMajor.Orthonormalize(y, rows, ref width, parallel, passes: options.PowerIterations == 0 ? 2 : 1);
        progress?.Report(new FitProgress("svd", ++step, steps));

        for (var i = 0; i < options.PowerIterations && width > 0; i++)
        {
            z = Resize(z, columns, width);
            RowMajor.SparseTimesDense(transposed, y, width, z, parallel);
            var before = width;
            z = RowMajor.Orthonormalize(z, columns, ref width, parallel, passes: 1);
            if (width != before) y = Resize(y, rows, width);
            progress?.Report(new FitProgress("svd", ++step, steps));
            cancellationToken.ThrowIfCancellationRequested();

            RowMajor.SparseTimesDense(matrix, z, width, y, parallel);
            before = width;
            y = RowMajor.Orthonormalize(y, rows, ref width, parallel, passes: i == options.PowerIterations - 1 ? 2 : 1);
            if (width != before) z = Resize(z, columns, width);
            progress?.Report(new FitProgress("svd", ++step, steps));
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (width == 0) return new TruncatedSvd(columns, [], []);

        // Bᵀ = Aᵀ Q, then the eigen-decomposition of B Bᵀ = (Bᵀ)ᵀ Bᵀ.
        z = Resize(z, columns, width);
        RowMajor.SparseTimesDense(transposed, y, width, z, parallel);
        y = [];
        var gram = RowMajor.Gram(z, columns, width, parallel);
        var w = new double[width * width];
        var lambda = SymmetricEigen.Decompose(gram, width, w);
        progress?.Report(new FitProgress("svd", ++step, steps));

        var sigmaMax = Math.Sqrt(Math.Max(lambda[0], 0));
        var kept = 0;
        while (kept < Math.Min(k, width) && Math.Sqrt(Math.Max(lambda[kept], 0)) > sigmaMax * 1e-6) kept++;
        var sigma = new double[kept];
        var m = new double[width * kept];
        for (var j = 0; j < kept; j++)
        {
            sigma[j] = Math.Sqrt(lambda[j]);
            for (var i = 0; i < width; i++) m[(i * kept) + j] = w[(i * width) + j] / sigma[j];
        }

        var result = new float[RowMajor.Size(columns, kept)];
        RowMajor.MultiplyRowsToFloat(z, columns, width, m, kept, result, parallel);
        z = [];
        for (var j = 0; j < kept; j++)
        {
            // Sign convention: the largest-magnitude entry of each component is positive (as scikit-learn's svd_flip).
            var best = 0f;
            for (var r = 0; r < columns; r++)
            {
                var value = result[(r * kept) + j];
                if (Math.Abs(value) > Math.Abs(best)) best = value;
            }

            if (best >= 0) continue;
            for (var r = 0; r < columns; r++) result[(r * kept) + j] = -result[(r * kept) + j];
        }

        progress?.Report(new FitProgress("svd", steps, steps));
        return new TruncatedSvd(columns, sigma, result);
    }

    /// <summary>Standard normal entries (Box–Muller over <see cref="Random"/> with a seed: reproducible across runs and platforms).</summary>
    internal static double[] Gaussian(int rows, int width, int seed)
    {
        var random = new Random(seed);
        var data = new double[RowMajor.Size(rows, width)];
        for (var i = 0; i < data.Length; i += 2)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var radius = Math.Sqrt(-2.0 * Math.Log(u1));
            data[i] = radius * Math.Cos(2 * Math.PI * u2);
            if (i + 1 < data.Length) data[i + 1] = radius * Math.Sin(2 * Math.PI * u2);
        }

        return data;
    }

    // A block whose content is about to be overwritten, reused when its size still fits.
    private static double[] Resize(double[] block, int rows, int width) =>
        block.Length == RowMajor.Size(rows, width) ? block : new double[RowMajor.Size(rows, width)];
}

using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Tests.Embeddings;

public sealed class RandomizedSvdTests
{
    [Fact]
    public void Recovers_the_singular_values_and_vectors_of_a_known_low_rank_matrix()
    {
        // A = U diag(s) Vᵀ with orthonormal U (300 × 5) and V (120 × 5) made by Gram–Schmidt here.
        double[] s = [10, 5, 2, 1, 0.5];
        var (a, v) = LowRank(300, 120, s, seed: 7);
        var svd = RandomizedSvd.Compute(a, 5, new RandomizedSvdOptions { Seed = 3 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(5, svd.Rank);
        for (var j = 0; j < 5; j++) Assert.Equal(s[j], svd.SingularValues[j], 1e-4 * s[0]);
        AssertOrthonormalColumns(svd.RightVectors, 120, 5);
        // Each computed component is ± the true one (distinct singular values → unique up to sign).
        for (var j = 0; j < 5; j++)
        {
            var dot = 0d;
            for (var r = 0; r < 120; r++) dot += svd.RightVectors[(r * 5) + j] * v[r, j];
            Assert.Equal(1, Math.Abs(dot), 1e-4);
        }
    }

    [Fact]
    public void Asking_for_more_than_the_rank_returns_only_the_supported_components()
    {
        var (a, _) = LowRank(80, 60, [3, 2, 1], seed: 11);
        var svd = RandomizedSvd.Compute(a, 20, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(3, svd.Rank);
        for (var j = 0; j < 3; j++) Assert.Equal(3 - j, svd.SingularValues[j], 1e-5);
        AssertOrthonormalColumns(svd.RightVectors, 60, 3);
    }

    [Fact]
    public void Leading_components_of_a_full_rank_matrix_match_the_exact_decomposition()
    {
        // Random sparse 200 × 50 matrix; the exact right singular values are the square roots of AᵀA's eigenvalues.
        var random = new Random(5);
        var dense = new double[200, 50];
        var builder = new SparseMatrixBuilder();
        for (var i = 0; i < 200; i++)
        {
            var ids = Enumerable.Range(0, 50).Where(_ => random.NextDouble() < 0.15).ToArray();
            var values = ids.Select(_ => (float)random.NextDouble()).ToArray();
            for (var k = 0; k < ids.Length; k++) dense[i, ids[k]] = values[k];
            builder.AddRow(ids, values);
        }

        var ata = new double[50 * 50];
        for (var p = 0; p < 50; p++)
        {
            for (var q = 0; q < 50; q++)
            {
                for (var i = 0; i < 200; i++) ata[(p * 50) + q] += dense[i, p] * dense[i, q];
            }
        }

        var exact = SymmetricEigen.Decompose(ata, 50, new double[50 * 50]).Select(Math.Sqrt).ToArray();
        var svd = RandomizedSvd.Compute(builder.Build(50), 10, new RandomizedSvdOptions { PowerIterations = 4 },
            cancellationToken: TestContext.Current.CancellationToken);
        // Randomized SVD is sharpest for the leading components; a flat random spectrum is its hardest case.
        for (var j = 0; j < 5; j++) Assert.Equal(exact[j], svd.SingularValues[j], 1e-3 * exact[0]);
        for (var j = 5; j < 10; j++) Assert.Equal(exact[j], svd.SingularValues[j], 1e-2 * exact[0]);
    }

    [Fact]
    public void The_same_seed_gives_the_same_bits_whatever_the_thread_count()
    {
        var (a, _) = LowRank(500, 200, [9, 7, 5, 3, 1, 0.5, 0.25], seed: 2);
        var one = RandomizedSvd.Compute(a, 5, new RandomizedSvdOptions { Seed = 42, MaxDegreeOfParallelism = 1 }, cancellationToken: TestContext.Current.CancellationToken);
        var many = RandomizedSvd.Compute(a, 5, new RandomizedSvdOptions { Seed = 42, MaxDegreeOfParallelism = -1 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(one.SingularValues.ToArray(), many.SingularValues.ToArray());
        Assert.Equal(one.RightVectors.ToArray(), many.RightVectors.ToArray());
    }

    [Fact]
    public void Jacobi_eigen_decomposition_satisfies_a_v_equals_lambda_v()
    {
        var random = new Random(9);
        const int n = 30;
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++) a[(i * n) + j] = a[(j * n) + i] = random.NextDouble() - 0.5;
        }

        var original = (double[])a.Clone();
        var vectors = new double[n * n];
        var values = SymmetricEigen.Decompose(a, n, vectors);
        for (var k = 0; k < n; k++)
        {
            if (k > 0) Assert.True(values[k] <= values[k - 1]);
            for (var i = 0; i < n; i++)
            {
                var av = 0d;
                for (var j = 0; j < n; j++) av += original[(i * n) + j] * vectors[(j * n) + k];
                Assert.Equal(values[k] * vectors[(i * n) + k], av, 1e-9);
            }
        }

        Assert.Equal([3.0, 1.0], SymmetricEigen.Decompose([2, 1, 1, 2], 2, new double[4]).Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void Orthonormalising_dependent_columns_drops_them()
    {
        // Columns: x, 2x, y → rank 2.
        var random = new Random(4);
        const int rows = 50;
        var y = new double[rows * 3];
        for (var r = 0; r < rows; r++)
        {
            y[r * 3] = random.NextDouble();
            y[(r * 3) + 1] = 2 * y[r * 3];
            y[(r * 3) + 2] = random.NextDouble();
        }

        var width = 3;
        var q = RowMajor.Orthonormalize(y, rows, ref width, new ParallelOptions());
        Assert.Equal(2, width);
        AssertOrthonormalColumns(q.Select(x => (float)x).ToArray(), rows, 2);
    }

    internal static (SparseMatrix Matrix, double[,] V) LowRank(int rows, int columns, double[] s, int seed)
    {
        var random = new Random(seed);
        var u = Orthonormal(random, rows, s.Length);
        var v = Orthonormal(random, columns, s.Length);
        var builder = new SparseMatrixBuilder();
        var ids = Enumerable.Range(0, columns).ToArray();
        var row = new float[columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                var x = 0d;
                for (var k = 0; k < s.Length; k++) x += u[i, k] * s[k] * v[j, k];
                row[j] = (float)x;
            }

            builder.AddRow(ids, row);
        }

        return (builder.Build(columns), v);
    }

    private static double[,] Orthonormal(Random random, int n, int k)
    {
        var m = new double[n, k];
        for (var c = 0; c < k; c++)
        {
            for (var r = 0; r < n; r++) m[r, c] = random.NextDouble() - 0.5;
            for (var pass = 0; pass < 2; pass++)
            {
                for (var p = 0; p < c; p++)
                {
                    var dot = 0d;
                    for (var r = 0; r < n; r++) dot += m[r, c] * m[r, p];
                    for (var r = 0; r < n; r++) m[r, c] -= dot * m[r, p];
                }
            }

            var norm = 0d;
            for (var r = 0; r < n; r++) norm += m[r, c] * m[r, c];
            norm = Math.Sqrt(norm);
            for (var r = 0; r < n; r++) m[r, c] /= norm;
        }

        return m;
    }

    private static void AssertOrthonormalColumns(ReadOnlySpan<float> m, int rows, int width)
    {
        for (var a = 0; a < width; a++)
        {
            for (var b = 0; b < width; b++)
            {
                var dot = 0d;
                for (var r = 0; r < rows; r++) dot += (double)m[(r * width) + a] * m[(r * width) + b];
                Assert.Equal(a == b ? 1 : 0, dot, 1e-5);
            }
        }
    }
}

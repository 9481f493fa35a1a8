namespace SosRap.Pipeline.Tests.Search;

/// <summary>Seeded synthetic vectors and a naive double-precision reference search.</summary>
internal static class TestVectors
{
    /// <summary>n × d standard normal components.</summary>
    public static float[] Gaussian(int n, int d, int seed)
    {
        var rng = new Random(seed);
        var x = new float[n * d];
        for (var i = 0; i < x.Length; i++) x[i] = (float)Normal(rng);
        return x;
    }

    /// <summary>
    /// Clustered data like text embeddings: unit centres plus anisotropic noise whose spread
    /// decays with the component (a few tens of effective dimensions), as the shared benchmark
    /// generator does.
    /// </summary>
    public static float[] Clustered(int n, int d, int centers, int seed, float spread = 1f)
    {
        var rng = new Random(seed);
        var c = new double[centers * d];
        for (var i = 0; i < centers; i++)
        {
            var norm = 0.0;
            for (var p = 0; p < d; p++) norm += (c[i * d + p] = Normal(rng)) * c[i * d + p];
            norm = Math.Sqrt(norm);
            for (var p = 0; p < d; p++) c[i * d + p] /= norm;
        }
        var spectrum = new double[d];
        var total = 0.0;
        for (var p = 0; p < d; p++) total += (spectrum[p] = 1 / Math.Sqrt(p + 1)) * spectrum[p];
        for (var p = 0; p < d; p++) spectrum[p] *= spread / Math.Sqrt(total);
        var x = new float[n * d];
        for (var i = 0; i < n; i++)
        {
            var k = rng.Next(centers);
            for (var p = 0; p < d; p++) x[i * d + p] = (float)(c[k * d + p] + spectrum[p] * Normal(rng));
        }
        return x;
    }

    public static string[] Ids(int n, string prefix = "r") => Enumerable.Range(0, n).Select(i => $"{prefix}{i}").ToArray();

    /// <summary>Exact cosine similarities in double precision.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double ab = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            ab += (double)a[i] * b[i];
            aa += (double)a[i] * a[i];
            bb += (double)b[i] * b[i];
        }
        return ab / Math.Sqrt(aa * bb);
    }

    /// <summary>All cosines of one query against n rows, in double precision.</summary>
    public static double[] AllCosines(float[] data, int d, ReadOnlySpan<float> query)
    {
        var n = data.Length / d;
        var s = new double[n];
        for (var i = 0; i < n; i++) s[i] = Cosine(data.AsSpan(i * d, d), query);
        return s;
    }

    /// <summary>Indices of the k best scores (higher first, then lower index), among rows <paramref name="allowed"/> accepts.</summary>
    public static int[] TopK(double[] scores, int k, Func<int, bool>? allowed = null)
    {
        return Enumerable.Range(0, scores.Length)
            .Where(i => allowed?.Invoke(i) ?? true)
            .OrderByDescending(i => scores[i]).ThenBy(i => i)
            .Take(k).ToArray();
    }

    /// <summary>
    /// Asserts that <paramref name="rows"/> / <paramref name="scores"/> is a correct top-k under the double reference: same
    /// length, scores close to the reference and best first, and no row left out that beats the
    /// k-th found score by more than the float32 tolerance (near-ties may swap).
    /// </summary>
    public static void AssertTopK(double[] reference, int[] expected, ReadOnlySpan<int> rows, ReadOnlySpan<float> scores, double tol = 1e-5)
    {
        Assert.Equal(expected.Length, CountFound(rows));
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.InRange(scores[i], reference[rows[i]] - tol, reference[rows[i]] + tol);
            Assert.InRange(reference[rows[i]], reference[expected[i]] - tol, reference[expected[i]] + tol);
            if (i > 0) Assert.True(scores[i] <= scores[i - 1], $"scores not best first at {i}");
        }
    }

    public static int CountFound(ReadOnlySpan<int> rows)
    {
        var n = 0;
        foreach (var r in rows) if (r >= 0) n++;
        return n;
    }

    private static double Normal(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

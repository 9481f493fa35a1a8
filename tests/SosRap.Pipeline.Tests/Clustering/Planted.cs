namespace SosRap.Pipeline.Tests.Clustering;

/// <summary>Synthetic unit vectors around planted, well-separated centres (and optional uniform noise), seeded.</summary>
internal static class Planted
{
    /// <summary>Rows of cluster c are centre c (a distinct axis pair) plus small Gaussian noise; noise rows are uniform on the sphere.</summary>
    public static (float[] Vectors, int[] Truth) Make(int clusters, int perCluster, int dimension, int noise, int seed, double spread = 0.08)
    {
        var random = new Random(seed);
        var n = (clusters * perCluster) + noise;
        var x = new float[n * dimension];
        var truth = new int[n];
        var row = 0;
        for (var c = 0; c < clusters; c++)
        {
            for (var p = 0; p < perCluster; p++, row++)
            {
                truth[row] = c;
                var v = x.AsSpan(row * dimension, dimension);
                for (var j = 0; j < dimension; j++) v[j] = (float)(Gaussian(random) * spread);
                v[(2 * c) % dimension] += 1f;
                v[((2 * c) + 1) % dimension] += 0.5f;
                Normalize(v);
            }
        }

        for (var p = 0; p < noise; p++, row++)
        {
            truth[row] = -1;
            var v = x.AsSpan(row * dimension, dimension);
            for (var j = 0; j < dimension; j++) v[j] = (float)Gaussian(random);
            Normalize(v);
        }

        return (x, truth);
    }

    /// <summary>True when the two labelings define the same partition of the rows with truth ≥ 0.</summary>
    public static bool SamePartition(int[] truth, int[] labels)
    {
        var map = new Dictionary<int, int>();
        var back = new Dictionary<int, int>();
        for (var i = 0; i < truth.Length; i++)
        {
            if (truth[i] < 0) continue;
            if (labels[i] < 0) return false;
            if (map.TryGetValue(truth[i], out var l) && l != labels[i]) return false;
            if (back.TryGetValue(labels[i], out var t) && t != truth[i]) return false;
            map[truth[i]] = labels[i];
            back[labels[i]] = truth[i];
        }

        return true;
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    private static void Normalize(Span<float> v)
    {
        var norm = MathF.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot(v, v));
        for (var j = 0; j < v.Length; j++) v[j] /= norm;
    }
}

using System.Numerics.Tensors;

namespace SosRap.Pipeline.Clustering;

/// <summary>Mean silhouette with cosine distance (1 − cos) on unit rows, over a sample of rows.</summary>
internal static class Silhouette
{
    /// <summary>All rows when there are at most <paramref name="max"/>, else a seeded sample of that many, in ascending order.</summary>
    public static int[] Sample(int count, int max, int seed)
    {
        var rows = Enumerable.Range(0, count).ToArray();
        if (count <= max) return rows;
        new Random(seed).Shuffle(rows);
        var sample = rows[..max];
        Array.Sort(sample);
        return sample;
    }

    /// <summary>
    /// Mean of s(i) = (b − a) / max(a, b) over the sampled rows, where a is the mean distance to the
    /// other sampled rows of its cluster and b the smallest mean distance to another cluster's sampled
    /// rows; a row alone in its cluster (within the sample) scores 0, as in scikit-learn. Outliers (−1) are skipped.
    /// </summary>
    public static double Mean(float[] x, int d, int[] labels, int[] sample, int clusterCount)
    {
        var sums = new double[clusterCount];
        var counts = new int[clusterCount];
        foreach (var i in sample)
        {
            if (labels[i] >= 0) counts[labels[i]]++;
        }

        var total = 0d;
        var scored = 0;
        foreach (var i in sample)
        {
            var own = labels[i];
            if (own < 0) continue;
            Array.Clear(sums);
            var xi = x.AsSpan(i * d, d);
            foreach (var j in sample)
            {
                if (j == i || labels[j] < 0) continue;
                sums[labels[j]] += 1 - TensorPrimitives.Dot(xi, x.AsSpan(j * d, d));
            }

            scored++;
            if (counts[own] <= 1) continue;
            var a = sums[own] / (counts[own] - 1);
            var b = double.MaxValue;
            for (var c = 0; c < clusterCount; c++)
            {
                if (c != own && counts[c] > 0) b = Math.Min(b, sums[c] / counts[c]);
            }

            if (b == double.MaxValue) continue;
            var m = Math.Max(a, b);
            total += m > 0 ? (b - a) / m : 0;
        }

        return scored == 0 ? 0 : total / scored;
    }
}

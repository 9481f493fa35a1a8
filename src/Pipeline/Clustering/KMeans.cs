using System.Numerics.Tensors;

namespace SosRap.Pipeline.Clustering;

/// <summary>
/// Lloyd's k-means with k-means++ seeding on row-major vectors, best of several seeded restarts by
/// inertia. Deterministic for a seed: the restarts run one after another from one <see cref="Random"/>.
/// </summary>
internal static class KMeans
{
    internal sealed record Fit(int[] Labels, float[] Centroids, double Inertia);

    public static Fit Run(float[] x, int n, int d, int k, int seed, int restarts, int maxIterations, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        k = Math.Min(k, n);
        var random = new Random(seed);
        Fit? best = null;
        for (var r = 0; r < restarts; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fit = RunOnce(x, n, d, k, random, maxIterations, cancellationToken);
            if (best is null || fit.Inertia < best.Inertia - 1e-9) best = fit;
        }

        return best!;
    }

    private static Fit RunOnce(float[] x, int n, int d, int k, Random random, int maxIterations, CancellationToken cancellationToken)
    {
        var centroids = new float[k * d];
        var norms = new float[k];
        var nearest = new double[n];
        var rowNorms = new float[n];
        for (var i = 0; i < n; i++) rowNorms[i] = TensorPrimitives.Dot(Row(x, i, d), Row(x, i, d));

        // k-means++: the next centre is drawn with probability proportional to the squared distance to the nearest chosen one.
        Row(x, random.Next(n), d).CopyTo(centroids.AsSpan(0, d));
        norms[0] = TensorPrimitives.Dot(centroids.AsSpan(0, d), centroids.AsSpan(0, d));
        for (var i = 0; i < n; i++) nearest[i] = Distance(x, i, d, rowNorms[i], centroids.AsSpan(0, d), norms[0]);
        for (var c = 1; c < k; c++)
        {
            var total = 0d;
            foreach (var v in nearest) total += v;
            var chosen = n - 1;
            if (total > 0)
            {
                var pick = random.NextDouble() * total;
                for (var i = 0; i < n; i++)
                {
                    pick -= nearest[i];
                    if (pick <= 0 && nearest[i] > 0)
                    {
                        chosen = i;
                        break;
                    }
                }
            }
            else
            {
                chosen = random.Next(n);
            }

            var centre = centroids.AsSpan(c * d, d);
            Row(x, chosen, d).CopyTo(centre);
            norms[c] = TensorPrimitives.Dot(centre, centre);
            for (var i = 0; i < n; i++) nearest[i] = Math.Min(nearest[i], Distance(x, i, d, rowNorms[i], centre, norms[c]));
        }

        var labels = new int[n];
        Array.Fill(labels, -1);
        var sizes = new int[k];
        var inertia = 0d;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var changed = Assign(x, n, d, k, centroids, norms, rowNorms, labels, nearest, out inertia);
            if (!changed && iteration > 0) break;
            Array.Clear(centroids);
            Array.Clear(sizes);
            for (var i = 0; i < n; i++)
            {
                TensorPrimitives.Add(centroids.AsSpan(labels[i] * d, d), Row(x, i, d), centroids.AsSpan(labels[i] * d, d));
                sizes[labels[i]]++;
            }

            for (var c = 0; c < k; c++)
            {
                var centre = centroids.AsSpan(c * d, d);
                if (sizes[c] == 0)
                {
                    // An empty cluster takes the row farthest from its centre.
                    var far = 0;
                    for (var i = 1; i < n; i++) far = nearest[i] > nearest[far] ? i : far;
                    Row(x, far, d).CopyTo(centre);
                    nearest[far] = 0;
                }
                else
                {
                    TensorPrimitives.Divide(centre, sizes[c], centre);
                }

                norms[c] = TensorPrimitives.Dot(centre, centre);
            }
        }

        return new Fit(labels, centroids, inertia);
    }

    private static bool Assign(float[] x, int n, int d, int k, float[] centroids, float[] norms, float[] rowNorms, int[] labels, double[] nearest, out double inertia)
    {
        var changed = 0;
        var sum = 0d;
        var lockObject = new object();
        // Rows are independent; the partition into blocks does not change any result.
        Parallel.For(0, (n + 1023) / 1024, () => (0, 0d), (block, _, local) =>
        {
            var end = Math.Min(n, (block + 1) * 1024);
            for (var i = block * 1024; i < end; i++)
            {
                var bestCluster = 0;
                var bestDistance = double.MaxValue;
                for (var c = 0; c < k; c++)
                {
                    var dist = Distance(x, i, d, rowNorms[i], centroids.AsSpan(c * d, d), norms[c]);
                    if (dist < bestDistance)
                    {
                        bestDistance = dist;
                        bestCluster = c;
                    }
                }

                nearest[i] = bestDistance;
                if (labels[i] != bestCluster)
                {
                    labels[i] = bestCluster;
                    local.Item1++;
                }
            }

            return local;
        }, local =>
        {
            lock (lockObject)
            {
                changed += local.Item1;
            }
        });
        for (var i = 0; i < n; i++) sum += nearest[i];
        inertia = sum;
        return changed > 0;
    }

    internal static ReadOnlySpan<float> Row(float[] x, int i, int d) => x.AsSpan(i * d, d);

    private static double Distance(float[] x, int i, int d, float rowNorm, ReadOnlySpan<float> centre, float centreNorm) =>
        Math.Max(0, rowNorm - (2.0 * TensorPrimitives.Dot(Row(x, i, d), centre)) + centreNorm);
}

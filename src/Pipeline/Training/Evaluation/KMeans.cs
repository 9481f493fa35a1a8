using System.Numerics.Tensors;

namespace SosRap.Training.Evaluation;

/// <summary>
/// Plain k-means (Lloyd) with k-means++ seeding and several restarts, keeping the lowest inertia:
/// the fixed yardstick for comparing representations by clustering. Deterministic for a seed.
/// </summary>
internal static class KMeans
{
    /// <summary>Cluster index of each row of <paramref name="data"/> (n × dimension, row-major).</summary>
    public static int[] Cluster(float[] data, int dimension, int k, int seed, int restarts = 10, int maxIterations = 300)
    {
        var n = data.Length / dimension;
        if (k < 1 || k > n) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and the number of rows ({n}).");
        var random = new Random(seed);
        int[]? best = null;
        var bestInertia = double.MaxValue;
        for (var r = 0; r < restarts; r++)
        {
            var (assignment, inertia) = Run(data, dimension, n, k, random, maxIterations);
            if (inertia < bestInertia)
            {
                bestInertia = inertia;
                best = assignment;
            }
        }

        return best!;
    }

    private static (int[] Assignment, double Inertia) Run(float[] data, int d, int n, int k, Random random, int maxIterations)
    {
        var centroids = new float[k * d];
        // k-means++: each next centre is drawn with probability proportional to the squared distance.
        var first = random.Next(n);
        data.AsSpan(first * d, d).CopyTo(centroids);
        var nearest = new double[n];
        for (var i = 0; i < n; i++) nearest[i] = Distance(data, i, centroids, 0, d);
        for (var c = 1; c < k; c++)
        {
            var total = nearest.Sum();
            var target = random.NextDouble() * total;
            var pick = n - 1;
            double acc = 0;
            for (var i = 0; i < n; i++)
            {
                acc += nearest[i];
                if (acc >= target)
                {
                    pick = i;
                    break;
                }
            }

            data.AsSpan(pick * d, d).CopyTo(centroids.AsSpan(c * d, d));
            for (var i = 0; i < n; i++) nearest[i] = Math.Min(nearest[i], Distance(data, i, centroids, c, d));
        }

        var assignment = new int[n];
        Array.Fill(assignment, -1);
        double inertia = 0;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var changed = false;
            inertia = 0;
            for (var i = 0; i < n; i++)
            {
                var bestC = 0;
                var bestD = double.MaxValue;
                for (var c = 0; c < k; c++)
                {
                    var dist = Distance(data, i, centroids, c, d);
                    if (dist < bestD)
                    {
                        bestD = dist;
                        bestC = c;
                    }
                }

                inertia += bestD;
                if (assignment[i] != bestC)
                {
                    assignment[i] = bestC;
                    changed = true;
                }
            }

            if (!changed) break;
            var counts = new int[k];
            Array.Clear(centroids);
            for (var i = 0; i < n; i++)
            {
                counts[assignment[i]]++;
                TensorPrimitives.Add(centroids.AsSpan(assignment[i] * d, d), data.AsSpan(i * d, d), centroids.AsSpan(assignment[i] * d, d));
            }

            for (var c = 0; c < k; c++)
            {
                if (counts[c] > 0) TensorPrimitives.Multiply(centroids.AsSpan(c * d, d), 1f / counts[c], centroids.AsSpan(c * d, d));
            }

            for (var c = 0; c < k; c++)
            {
                if (counts[c] > 0) continue;
                // An empty cluster restarts at the point farthest from its centre.
                var far = 0;
                var farD = -1.0;
                for (var i = 0; i < n; i++)
                {
                    var dist = Distance(data, i, centroids, assignment[i], d);
                    if (dist > farD)
                    {
                        farD = dist;
                        far = i;
                    }
                }

                data.AsSpan(far * d, d).CopyTo(centroids.AsSpan(c * d, d));
                counts[assignment[far]]--;
                assignment[far] = c;
                counts[c] = 1;
            }
        }

        return (assignment, inertia);
    }

    private static double Distance(float[] data, int i, float[] centroids, int c, int d)
    {
        var x = data.AsSpan(i * d, d);
        var y = centroids.AsSpan(c * d, d);
        var dot = TensorPrimitives.Dot(x, y);
        return TensorPrimitives.Dot(x, x) + TensorPrimitives.Dot(y, y) - 2 * dot;
    }
}

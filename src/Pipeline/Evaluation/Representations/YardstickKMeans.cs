using System.Numerics.Tensors;

namespace SosRap.Pipeline.Evaluation.Representations;

/// <summary>
/// Plain Euclidean k-means on unit vectors (k-means++ seeding, Lloyd iterations, best of several
/// seeded restarts by inertia) — the fixed clustering method of the representation comparison, as
/// scikit-learn's <c>KMeans(n_init=10)</c> in the evaluation kit's peer. It measures how well a
/// representation separates themes; it is not SosRap's clusterer. Deterministic for a seed.
/// </summary>
internal static class YardstickKMeans
{
    /// <summary>Cluster of each row (0 … k-1), or -1 for a row without a vector.</summary>
    public static int[] Cluster(VectorSet rows, int k, int seed, int restarts, CancellationToken cancellationToken, int maxIterations = 300)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var valid = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows.HasVector(i)) valid.Add(i);
        }

        var labels = new int[rows.Count];
        Array.Fill(labels, -1);
        if (valid.Count == 0) return labels;
        k = Math.Min(k, valid.Count);
        var random = new Random(seed);
        int[]? best = null;
        var bestInertia = double.MaxValue;
        for (var r = 0; r < restarts; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (assignment, inertia) = Run(rows, valid, k, random, maxIterations);
            if (inertia < bestInertia - 1e-9)
            {
                bestInertia = inertia;
                best = assignment;
            }
        }

        for (var i = 0; i < valid.Count; i++) labels[valid[i]] = best![i];
        return labels;
    }

    private static (int[] Assignment, double Inertia) Run(VectorSet rows, List<int> valid, int k, Random random, int maxIterations)
    {
        var d = rows.Dimension;
        var n = valid.Count;
        var centroids = new float[k * d];
        var norms = new float[k];

        // k-means++: each next centre is drawn with probability proportional to the squared distance to the nearest chosen one.
        rows.CopyTo(valid[random.Next(n)], centroids.AsSpan(0, d));
        norms[0] = SquaredNorm(centroids.AsSpan(0, d));
        var nearest = new double[n];
        for (var i = 0; i < n; i++) nearest[i] = Distance(rows, valid[i], centroids.AsSpan(0, d), norms[0]);
        for (var c = 1; c < k; c++)
        {
            var total = 0d;
            foreach (var x in nearest) total += x;
            var pick = random.NextDouble() * total;
            var chosen = n - 1;
            for (var i = 0; i < n; i++)
            {
                pick -= nearest[i];
                if (pick <= 0)
                {
                    chosen = i;
                    break;
                }
            }

            var centre = centroids.AsSpan(c * d, d);
            rows.CopyTo(valid[chosen], centre);
            norms[c] = SquaredNorm(centre);
            for (var i = 0; i < n; i++) nearest[i] = Math.Min(nearest[i], Distance(rows, valid[i], centre, norms[c]));
        }

        var assignment = new int[n];
        Array.Fill(assignment, -1);
        var sizes = new int[k];
        var inertia = 0d;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var changed = false;
            inertia = 0;
            for (var i = 0; i < n; i++)
            {
                var bestCluster = 0;
                var bestDistance = double.MaxValue;
                for (var c = 0; c < k; c++)
                {
                    var dist = Distance(rows, valid[i], centroids.AsSpan(c * d, d), norms[c]);
                    if (dist < bestDistance)
                    {
                        bestDistance = dist;
                        bestCluster = c;
                    }
                }

                nearest[i] = bestDistance;
                inertia += bestDistance;
                if (assignment[i] != bestCluster)
                {
                    assignment[i] = bestCluster;
                    changed = true;
                }
            }

            if (!changed) break;
            Array.Clear(centroids);
            Array.Clear(sizes);
            for (var i = 0; i < n; i++)
            {
                rows.AddTo(valid[i], centroids.AsSpan(assignment[i] * d, d));
                sizes[assignment[i]]++;
            }

            for (var c = 0; c < k; c++)
            {
                var centre = centroids.AsSpan(c * d, d);
                if (sizes[c] == 0)
                {
                    // An empty cluster takes the point farthest from its centre.
                    var far = 0;
                    for (var i = 1; i < n; i++) far = nearest[i] > nearest[far] ? i : far;
                    rows.CopyTo(valid[far], centre);
                    nearest[far] = 0;
                }
                else
                {
                    TensorPrimitives.Divide(centre, sizes[c], centre);
                }

                norms[c] = SquaredNorm(centre);
            }
        }

        return (assignment, inertia);
    }

    private static double Distance(VectorSet rows, int row, ReadOnlySpan<float> centre, float centreNorm) =>
        Math.Max(0, 1 - (2.0 * rows.Dot(row, centre)) + centreNorm);

    private static float SquaredNorm(ReadOnlySpan<float> v) => TensorPrimitives.Dot(v, v);
}

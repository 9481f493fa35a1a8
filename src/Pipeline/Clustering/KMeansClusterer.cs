using System.Numerics.Tensors;

namespace SosRap.Pipeline.Clustering;

/// <summary>
/// k-means on unit vectors (k-means++ seeding, best of <see cref="ClusteringOptions.Restarts"/>).
/// Without a fixed k it tries every k in [<see cref="ClusteringOptions.MinClusters"/>,
/// <see cref="ClusteringOptions.MaxClusters"/>] and keeps the one with the highest mean silhouette
/// (cosine distance, on a seeded sample of rows): the k at which reports sit closer to their own
/// cluster than to the next one, which needs no model of cluster shape and no reference data.
/// Every report gets a cluster (no outliers).
/// </summary>
public sealed class KMeansClusterer : IClusterer
{
    private readonly ClusteringOptions _options;

    /// <summary>Creates the clusterer; invalid options throw now.</summary>
    public KMeansClusterer(ClusteringOptions? options = null) => _options = (options ?? new ClusteringOptions()).Validate();

    /// <inheritdoc />
    public string Name => "kmeans";

    /// <inheritdoc />
    public ClusterLabels Cluster(float[] vectors, int count, int dimension, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Length != count * dimension) throw new ArgumentException($"{vectors.Length} values, expected {count} × {dimension}.", nameof(vectors));
        if (count == 0) return new ClusterLabels([], 0, new Dictionary<int, double>());
        if (_options.Clusters is { } fixedK)
        {
            var fit = KMeans.Run(vectors, count, dimension, Math.Min(fixedK, count), _options.Seed, _options.Restarts, _options.MaxIterations, cancellationToken);
            return new ClusterLabels(fit.Labels, Math.Min(fixedK, count), new Dictionary<int, double>());
        }

        var maxK = Math.Min(_options.MaxClusters, count / _options.MinClusterSize);
        if (maxK < 2)
            return new ClusterLabels(new int[count], 1, new Dictionary<int, double>());
        var minK = Math.Min(_options.MinClusters, maxK);

        // k is chosen on a seeded sample of rows (all of them for small corpora); the final fit uses every row.
        var sample = Silhouette.Sample(count, _options.SilhouetteSample, _options.Seed);
        if (sample.Length < count)
        {
            var sub = new float[sample.Length * dimension];
            for (var s = 0; s < sample.Length; s++) vectors.AsSpan(sample[s] * dimension, dimension).CopyTo(sub.AsSpan(s * dimension, dimension));
            var (k, criterion) = ChooseK(sub, sample.Length, dimension, minK, maxK, cancellationToken, out _);
            var fit = KMeans.Run(vectors, count, dimension, k, _options.Seed, Math.Min(_options.Restarts, 3), _options.MaxIterations, cancellationToken);
            return new ClusterLabels(fit.Labels, k, criterion);
        }

        var (bestK, scores) = ChooseK(vectors, count, dimension, minK, maxK, cancellationToken, out var best);
        return new ClusterLabels(best.Labels, bestK, scores);
    }

    private (int K, IReadOnlyDictionary<int, double> Criterion) ChooseK(float[] vectors, int count, int dimension, int minK, int maxK, CancellationToken cancellationToken,
        out KMeans.Fit bestFit)
    {
        var sample = Enumerable.Range(0, count).ToArray();
        var scores = new SortedDictionary<int, double>();
        KMeans.Fit? best = null;
        var bestK = minK;
        var bestScore = double.NegativeInfinity;
        for (var k = minK; k <= maxK; k++)
        {
            var fit = KMeans.Run(vectors, count, dimension, k, _options.Seed, _options.Restarts, _options.MaxIterations, cancellationToken);
            var score = Silhouette.Mean(vectors, dimension, fit.Labels, sample, k);
            scores[k] = score;
            if (score > bestScore + 1e-12)
            {
                bestScore = score;
                bestK = k;
                best = fit;
            }
        }

        bestFit = best!;
        return (bestK, scores);
    }

    /// <summary>Centroid of each cluster (mean of its rows), L2-normalised.</summary>
    internal static float[] Centroids(float[] vectors, int dimension, int[] labels, int clusterCount)
    {
        var centroids = new float[clusterCount * dimension];
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0) continue;
            var c = centroids.AsSpan(labels[i] * dimension, dimension);
            TensorPrimitives.Add(c, vectors.AsSpan(i * dimension, dimension), c);
        }

        for (var c = 0; c < clusterCount; c++)
        {
            var centre = centroids.AsSpan(c * dimension, dimension);
            var norm = TensorPrimitives.Norm(centre);
            if (norm > 0) TensorPrimitives.Divide(centre, norm, centre);
        }

        return centroids;
    }
}

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
    /// <summary>One k-means fit: rows, count, dimension, k, restarts → a cluster per row.</summary>
    private delegate int[] Fitter(float[] vectors, int count, int dimension, int k, int restarts, CancellationToken cancellationToken);

    private readonly ClusteringOptions _options;
    private readonly Fitter _fit;

    /// <summary>Creates the clusterer with SosRap's own k-means; invalid options throw now.</summary>
    public KMeansClusterer(ClusteringOptions? options = null)
    {
        _options = (options ?? new ClusteringOptions()).Validate();
        _fit = (x, n, d, k, restarts, ct) => KMeans.Run(x, n, d, k, _options.Seed, restarts, _options.MaxIterations, ct).Labels;
        Name = "kmeans";
    }

    private KMeansClusterer(ClusteringOptions? options, string name, Fitter fit)
    {
        _options = (options ?? new ClusteringOptions()).Validate();
        _fit = fit;
        Name = name;
    }

    /// <summary>
    /// The same choice of k with ML.NET's <c>KMeansTrainer</c> (k-means++ initialisation, one run per
    /// k, seeded through the <c>MLContext</c>) doing each fit: the measured alternative to SosRap's
    /// own k-means (docs/clustering.md).
    /// </summary>
    public static KMeansClusterer MlNet(ClusteringOptions? options = null)
    {
        var validated = (options ?? new ClusteringOptions()).Validate();
        return new KMeansClusterer(validated, "mlnet-kmeans",
            (x, n, d, k, _, ct) => MlNetKMeans.Fit(x, n, d, k, validated.Seed, validated.MaxIterations, ct));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public ClusterLabels Cluster(float[] vectors, int count, int dimension, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Length != count * dimension) throw new ArgumentException($"{vectors.Length} values, expected {count} × {dimension}.", nameof(vectors));
        if (count == 0) return new ClusterLabels([], 0, new Dictionary<int, double>());
        if (_options.Clusters is { } fixedK)
        {
            var labels = _fit(vectors, count, dimension, Math.Min(fixedK, count), _options.Restarts, cancellationToken);
            return new ClusterLabels(labels, Math.Min(fixedK, count), new Dictionary<int, double>());
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
            var labels = _fit(vectors, count, dimension, k, Math.Min(_options.Restarts, 3), cancellationToken);
            return new ClusterLabels(labels, k, criterion);
        }

        var (bestK, scores) = ChooseK(vectors, count, dimension, minK, maxK, cancellationToken, out var best);
        return new ClusterLabels(best, bestK, scores);
    }

    private (int K, IReadOnlyDictionary<int, double> Criterion) ChooseK(float[] vectors, int count, int dimension, int minK, int maxK, CancellationToken cancellationToken,
        out int[] bestLabels)
    {
        var sample = Enumerable.Range(0, count).ToArray();
        var scores = new SortedDictionary<int, double>();
        int[]? best = null;
        var bestK = minK;
        var bestScore = double.NegativeInfinity;
        for (var k = minK; k <= maxK; k++)
        {
            var fit = _fit(vectors, count, dimension, k, _options.Restarts, cancellationToken);
            var score = Silhouette.Mean(vectors, dimension, fit, sample, k);
            scores[k] = score;
            if (score > bestScore + 1e-12)
            {
                bestScore = score;
                bestK = k;
                best = fit;
            }
        }

        bestLabels = best!;
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

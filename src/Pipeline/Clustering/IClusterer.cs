namespace SosRap.Pipeline.Clustering;

/// <summary>
/// One clustering stage (as BERTopic's pluggable cluster model): takes unit-length row vectors and
/// returns a cluster per row, 0 … k−1, or −1 for a row left unclustered (an outlier). Deterministic
/// for the seed in its options.
/// </summary>
public interface IClusterer
{
    /// <summary>Short name written into outputs (e.g. <c>kmeans</c>, <c>graph</c>).</summary>
    string Name { get; }

    /// <summary>Clusters <paramref name="vectors"/> (row-major, <paramref name="count"/> × <paramref name="dimension"/>, rows L2-normalised).</summary>
    ClusterLabels Cluster(float[] vectors, int count, int dimension, CancellationToken cancellationToken = default);
}

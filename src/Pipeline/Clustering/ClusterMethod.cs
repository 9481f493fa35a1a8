namespace SosRap.Pipeline.Clustering;

/// <summary>Which clusterer runs.</summary>
public enum ClusterMethod
{
    /// <summary>The measured default (see docs/clustering.md).</summary>
    Auto,

    /// <summary>k-means (k-means++ seeding), k chosen by silhouette unless given.</summary>
    KMeans,

    /// <summary>Louvain communities of the k-nearest-neighbour graph; small and weakly attached groups become outliers.</summary>
    Graph,

    /// <summary>k chosen by silhouette as for <see cref="KMeans"/>, each fit by ML.NET's <c>KMeansTrainer</c>.</summary>
    MlNetKMeans,
}

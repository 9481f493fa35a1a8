using SosRap.Pipeline.Clustering;

namespace SosRap.Pipeline.Tests.Clustering;

public sealed class ClustererTests
{
    [Fact]
    public void KMeans_with_the_planted_k_recovers_the_planted_clusters_exactly()
    {
        var (x, truth) = Planted.Make(clusters: 5, perCluster: 20, dimension: 16, noise: 0, seed: 7);
        var result = new KMeansClusterer(new ClusteringOptions { Clusters = 5, Seed = 3 }).Cluster(x, truth.Length, 16, TestContext.Current.CancellationToken);
        Assert.Equal(5, result.ClusterCount);
        Assert.True(Planted.SamePartition(truth, result.Labels));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(8)]
    public void KMeans_auto_k_picks_the_planted_number_of_clusters(int planted)
    {
        var (x, truth) = Planted.Make(planted, perCluster: 15, dimension: 20, noise: 0, seed: planted);
        var result = new KMeansClusterer(new ClusteringOptions { Seed = 1, MaxClusters = 15 }).Cluster(x, truth.Length, 20, TestContext.Current.CancellationToken);
        Assert.Equal(planted, result.ClusterCount);
        Assert.True(Planted.SamePartition(truth, result.Labels));
        // The criterion was computed for every k tried and is highest at the chosen one.
        Assert.Equal(Enumerable.Range(4, 12), result.Criterion.Keys.Order());
        Assert.Equal(result.Criterion.Values.Max(), result.Criterion[planted]);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void MlNet_kmeans_with_auto_k_picks_the_planted_number_of_clusters(int planted)
    {
        var (x, truth) = Planted.Make(planted, perCluster: 15, dimension: 20, noise: 0, seed: planted);
        var clusterer = KMeansClusterer.MlNet(new ClusteringOptions { Seed = 1, MaxClusters = 10 });
        var result = clusterer.Cluster(x, truth.Length, 20, TestContext.Current.CancellationToken);
        Assert.Equal("mlnet-kmeans", clusterer.Name);
        Assert.Equal(planted, result.ClusterCount);
        Assert.True(Planted.SamePartition(truth, result.Labels));
        Assert.Equal(result.Criterion.Values.Max(), result.Criterion[planted]);
    }

    [Fact]
    public void KMeans_auto_k_on_a_large_input_chooses_k_on_a_sample_and_labels_every_row()
    {
        var (x, truth) = Planted.Make(clusters: 6, perCluster: 700, dimension: 12, noise: 0, seed: 11);
        var result = new KMeansClusterer(new ClusteringOptions { Seed = 2, MaxClusters = 10, SilhouetteSample = 500 }).Cluster(x, truth.Length, 12, TestContext.Current.CancellationToken);
        Assert.Equal(6, result.ClusterCount);
        Assert.True(Planted.SamePartition(truth, result.Labels));
    }

    [Fact]
    public void Graph_method_recovers_planted_clusters_and_leaves_planted_noise_unclustered()
    {
        var (x, truth) = Planted.Make(clusters: 8, perCluster: 12, dimension: 24, noise: 10, seed: 5);
        var result = new GraphClusterer(new ClusteringOptions { Seed = 1 }).Cluster(x, truth.Length, 24, TestContext.Current.CancellationToken);
        Assert.Equal(8, result.ClusterCount);
        Assert.True(Planted.SamePartition(truth, result.Labels));
        var noiseRows = Enumerable.Range(0, truth.Length).Where(i => truth[i] < 0).ToArray();
        var markedNoise = noiseRows.Count(i => result.Labels[i] < 0);
        Assert.True(markedNoise >= 8, $"only {markedNoise} of {noiseRows.Length} noise rows were outliers");
        // No planted member is thrown away.
        Assert.All(Enumerable.Range(0, truth.Length).Where(i => truth[i] >= 0), i => Assert.True(result.Labels[i] >= 0));
    }

    [Fact]
    public void Graph_method_at_resolution_one_keeps_large_planted_clusters_whole()
    {
        // The default resolution (2) splits communities more finely; at 1 (plain modularity) 25-row clusters stay whole.
        var (x, truth) = Planted.Make(clusters: 4, perCluster: 25, dimension: 24, noise: 0, seed: 5);
        var result = new GraphClusterer(new ClusteringOptions { Seed = 1, Resolution = 1 }).Cluster(x, truth.Length, 24, TestContext.Current.CancellationToken);
        Assert.Equal(4, result.ClusterCount);
        Assert.True(Planted.SamePartition(truth, result.Labels));
    }

    [Fact]
    public void Both_methods_are_deterministic_for_a_seed()
    {
        var (x, truth) = Planted.Make(clusters: 6, perCluster: 15, dimension: 10, noise: 5, seed: 9, spread: 0.35);
        foreach (var make in new Func<IClusterer>[]
                 {
                     () => new KMeansClusterer(new ClusteringOptions { Seed = 4 }),
                     () => new GraphClusterer(new ClusteringOptions { Seed = 4 }),
                 })
        {
            var a = make().Cluster(x, truth.Length, 10, TestContext.Current.CancellationToken);
            var b = make().Cluster((float[])x.Clone(), truth.Length, 10, TestContext.Current.CancellationToken);
            Assert.Equal(a.Labels, b.Labels);
        }
    }

    [Fact]
    public void Too_few_rows_for_a_choice_of_k_give_one_cluster_and_empty_input_gives_none()
    {
        var (x, truth) = Planted.Make(clusters: 1, perCluster: 4, dimension: 8, noise: 0, seed: 1);
        var one = new KMeansClusterer().Cluster(x, 4, 8, TestContext.Current.CancellationToken);
        Assert.Equal(1, one.ClusterCount);
        Assert.All(one.Labels, l => Assert.Equal(0, l));
        Assert.Empty(new KMeansClusterer().Cluster([], 0, 8, TestContext.Current.CancellationToken).Labels);
        Assert.Empty(new GraphClusterer().Cluster([], 0, 8, TestContext.Current.CancellationToken).Labels);
        Assert.Throws<ArgumentException>(() => new KMeansClusterer().Cluster(new float[10], 2, 8, TestContext.Current.CancellationToken));
        _ = truth;
    }

    [Fact]
    public void Invalid_options_throw_when_the_clusterer_is_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KMeansClusterer(new ClusteringOptions { Clusters = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GraphClusterer(new ClusteringOptions { MinAttachment = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KMeansClusterer(new ClusteringOptions { MinClusters = 5, MaxClusters = 4 }));
    }
}

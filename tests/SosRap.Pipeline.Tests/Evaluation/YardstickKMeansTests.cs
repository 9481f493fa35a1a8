using SosRap.Pipeline.Evaluation.Representations;
using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Tests.Evaluation;

public sealed class YardstickKMeansTests
{
    [Fact]
    public void Separates_well_separated_groups_of_sparse_vectors_and_skips_empty_rows()
    {
        // Three groups on disjoint feature blocks; row 30 is empty.
        var random = new Random(8);
        var builder = new SparseMatrixBuilder();
        for (var i = 0; i < 30; i++)
        {
            var block = i % 3;
            int[] ids = [block * 10, (block * 10) + 1 + random.Next(9)];
            float[] values = [0.8f, 0.6f];
            builder.AddRow(ids, values);
        }

        builder.AddRow([], []);
        var rows = VectorSet.Sparse(builder.Build(30));
        var labels = YardstickKMeans.Cluster(rows, 3, seed: 1, restarts: 5, TestContext.Current.CancellationToken);
        Assert.Equal(-1, labels[30]);
        for (var i = 3; i < 30; i++) Assert.Equal(labels[i % 3], labels[i]);
        Assert.Equal(3, labels.Take(3).Distinct().Count());
        Assert.Equal(labels, YardstickKMeans.Cluster(rows, 3, seed: 1, restarts: 5, TestContext.Current.CancellationToken));
    }
}

using SosRap.Pipeline.Search;
using SosRap.Pipeline.Search.Kernels;

namespace SosRap.Pipeline.Tests.Search;

public sealed class BatchAndGraphTests
{
    [Theory]
    [InlineData(3, 2, 384)]
    [InlineData(2, 2, 33)]
    [InlineData(0, 7, 7)]
    [InlineData(3, 200, 64)]
    [InlineData(2, 131, 385)]
    public void Batch_results_equal_single_query_results(int simd, int nq, int d)
    {
        const int n = 3000, k = 12;
        var data = TestVectors.Clustered(n, d, centers: 12, seed: 31);
        var queries = TestVectors.Clustered(nq, d, centers: 12, seed: 32);
        using var index = new FlatIndex(new FlatIndexOptions { Dimension = d, Simd = (SimdLevel)simd });
        index.AddRange(TestVectors.Ids(n), data);
        index.Remove("r5");
        foreach (var threads in new[] { 1, 2, 3 })
        {
            var rows = new int[nq * k];
            var scores = new float[nq * k];
            index.SearchBatch(queries, k, rows, scores, new SearchOptions { MaxThreads = threads });
            for (var i = 0; i < nq; i++)
            {
                var r = new int[k];
                var s = new float[k];
                index.Search(queries.AsSpan(i * d, d), k, r, s, new SearchOptions { MaxThreads = 1 });
                Assert.Equal(r, rows.AsSpan(i * k, k).ToArray());
                Assert.Equal(s, scores.AsSpan(i * k, k).ToArray());
            }
        }
    }

    [Fact]
    public void Batch_matches_the_double_reference_with_a_filter()
    {
        const int d = 20, n = 800, nq = 30, k = 5;
        var data = TestVectors.Gaussian(n, d, seed: 33);
        var queries = TestVectors.Gaussian(nq, d, seed: 34);
        using var index = new FlatIndex(d);
        index.AddRange(TestVectors.Ids(n), data);
        Func<int, bool> allowed = i => i % 5 == 1;
        var filter = RowFilter.FromRows(n, Enumerable.Range(0, n).Where(allowed));
        var rows = new int[nq * k];
        var scores = new float[nq * k];
        index.SearchBatch(queries, k, rows, scores, new SearchOptions { Filter = filter });
        for (var i = 0; i < nq; i++)
        {
            var reference = TestVectors.AllCosines(data, d, queries.AsSpan(i * d, d));
            TestVectors.AssertTopK(reference, TestVectors.TopK(reference, k, allowed), rows.AsSpan(i * k, k), scores.AsSpan(i * k, k));
        }
    }

    [Fact]
    public void Batch_on_an_empty_index_is_padded()
    {
        using var index = new FlatIndex(3);
        var rows = new int[4];
        var scores = new float[4];
        index.SearchBatch([1, 0, 0, 0, 1, 0], 2, rows, scores);
        Assert.Equal([-1, -1, -1, -1], rows);
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(3, 2)]
    [InlineData(2, 3)]
    [InlineData(0, 2)]
    public void Knn_graph_equals_brute_force(int simd, int threads)
    {
        // 1000 rows: several query blocks of 192 rows, a partial last panel, removed rows.
        const int d = 24, n = 1000, k = 7;
        var data = TestVectors.Clustered(n, d, centers: 6, seed: 51);
        using var index = new FlatIndex(new FlatIndexOptions { Dimension = d, Simd = (SimdLevel)simd });
        index.AddRange(TestVectors.Ids(n), data);
        var removed = new HashSet<int> { 0, 3, 190, 191, 192, 640, 999 };
        foreach (var r in removed) index.Remove($"r{r}");
        var progress = new List<double>();
        var graph = index.BuildKnnGraph(k, threads, new SyncProgress(progress), TestContext.Current.CancellationToken);
        Assert.Equal(n, graph.RowCount);
        Assert.Equal(1.0, progress.Max(), 9);
        for (var row = 0; row < n; row++)
        {
            if (removed.Contains(row))
            {
                Assert.All(graph.Neighbors(row).ToArray(), x => Assert.Equal(-1, x));
                continue;
            }
            var reference = TestVectors.AllCosines(data, d, data.AsSpan(row * d, d));
            var expected = TestVectors.TopK(reference, k, j => j != row && !removed.Contains(j));
            TestVectors.AssertTopK(reference, expected, graph.Neighbors(row), graph.Scores(row));
            Assert.DoesNotContain(row, graph.Neighbors(row).ToArray());
        }
    }

    [Fact]
    public void Knn_graph_rows_equal_exact_searches_bit_for_bit()
    {
        const int d = 40, n = 700, k = 5;
        var data = TestVectors.Gaussian(n, d, seed: 61);
        using var index = new FlatIndex(d);
        index.AddRange(TestVectors.Ids(n), data);
        var graph = index.BuildKnnGraph(k, maxThreads: 2, cancellationToken: TestContext.Current.CancellationToken);
        var v = new float[d];
        for (var row = 0; row < n; row += 13)
        {
            // The stored vector is already unit length, so searching with it reproduces the
            // graph's scores exactly; the best hit is the row itself.
            index.CopyVector(row, v);
            var rows = new int[k + 1];
            var scores = new float[k + 1];
            index.Search(v, k + 1, rows, scores);
            var withoutSelf = rows.Zip(scores).Where(p => p.First != row).Take(k).ToArray();
            Assert.Equal(withoutSelf.Select(p => p.First), graph.Neighbors(row).ToArray());
        }
    }

    [Fact]
    public void Knn_graph_pads_when_there_are_too_few_rows_and_can_be_cancelled()
    {
        using var index = new FlatIndex(2);
        index.AddRange(["a", "b", "c"], [1, 0, 0, 1, 1, 1]);
        var graph = index.BuildKnnGraph(5, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([2, 1, -1, -1, -1], graph.Neighbors(0).ToArray());
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => index.BuildKnnGraph(2, cancellationToken: cts.Token));
    }

    private sealed class SyncProgress(List<double> values) : IProgress<double>
    {
        public void Report(double value)
        {
            lock (values) values.Add(value);
        }
    }
}

using SosRap.Pipeline.Search;
using SosRap.Pipeline.Search.Kernels;

namespace SosRap.Pipeline.Tests.Search;

public sealed class Int8SearchTests
{
    [Fact]
    public void Int8_with_reranking_reaches_recall_099_on_clustered_data()
    {
        const int d = 128, n = 20_000, nq = 200, k = 10;
        var data = TestVectors.Clustered(n, d, centers: 30, seed: 42);
        var queries = TestVectors.Clustered(nq, d, centers: 30, seed: 43);
        using var exact = new FlatIndex(d);
        using var int8 = new FlatIndex(new FlatIndexOptions { Dimension = d, Quantization = VectorQuantization.Int8 });
        var ids = TestVectors.Ids(n);
        exact.AddRange(ids, data);
        int8.AddRange(ids, data);
        var hits = 0;
        var sameScores = 0;
        for (var qi = 0; qi < nq; qi++)
        {
            var q = queries.AsSpan(qi * d, d);
            var truth = exact.Search(q, k);
            var approx = int8.Search(q, k);
            hits += approx.Count(h => truth.Any(t => t.Row == h.Row));
            // Re-ranked scores are exact: a row found by both has the same score.
            sameScores += approx.Count(h => truth.Any(t => t.Row == h.Row && t.Score == h.Score));
        }
        var recall = hits / (double)(nq * k);
        Assert.True(recall >= 0.99, $"recall@10 = {recall:F4}");
        Assert.Equal(hits, sameScores);
    }

    [Fact]
    public void Exact_option_bypasses_the_int8_scan()
    {
        const int d = 32, n = 3000;
        var data = TestVectors.Gaussian(n, d, seed: 3);
        var q = TestVectors.Gaussian(1, d, seed: 4);
        using var exact = new FlatIndex(d);
        using var int8 = new FlatIndex(new FlatIndexOptions { Dimension = d, Quantization = VectorQuantization.Int8 });
        exact.AddRange(TestVectors.Ids(n), data);
        int8.AddRange(TestVectors.Ids(n), data);
        Assert.Equal(exact.Search(q, 50), int8.Search(q, 50, new SearchOptions { Exact = true }));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(33)]
    [InlineData(385)]
    public void Int8_kernel_paths_give_identical_integer_scores(int d)
    {
        // Random codes and query bytes; the VNNI, AVX2-widening and scalar paths must agree
        // exactly, and equal a plain sum written here.
        var groups = Int8Scan.Groups(d);
        var rng = new Random(d);
        var panel = new byte[groups * Int8Scan.GroupBytes];
        rng.NextBytes(panel);
        var q = new int[groups];
        var qb = new sbyte[groups * 4];
        for (var p = 0; p < d; p++) qb[p] = (sbyte)rng.Next(-127, 128);
        Buffer.BlockCopy(qb, 0, q, 0, qb.Length);
        var expected = new int[64];
        for (var lane = 0; lane < 64; lane++)
            for (var p = 0; p < d; p++)
                expected[lane] += panel[(p / 4) * Int8Scan.GroupBytes + lane * 4 + p % 4] * qb[p];
        foreach (var (vnni, level) in new[] { (true, SimdLevel.Vector256), (false, SimdLevel.Vector256), (false, SimdLevel.Scalar) })
        {
            if (level > SimdLevels.Best || (vnni && !SimdLevels.HasAvxVnni)) continue;
            var got = new int[64];
            Int8Scan.ScorePanel(vnni, level, panel, groups, q, got);
            Assert.Equal(expected, got);
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(64)]
    [InlineData(385)]
    public void Bulk_and_single_row_encoding_give_the_same_codes(int d)
    {
        const int n = 150;
        var data = TestVectors.Gaussian(n, d, seed: 70 + d);
        using var index = new FlatIndex(new FlatIndexOptions { Dimension = d, Quantization = VectorQuantization.Int8 });
        index.AddRange(TestVectors.Ids(n), data);
        var int8 = index.Int8!;
        var bulk = int8.CodeBytes(3).ToArray();
        // Re-encode every row one at a time with the same range.
        var v = new float[d];
        for (var row = 0; row < n; row++)
        {
            index.CopyVector(row, v);
            int8.Encode(row, v);
        }
        Assert.Equal(bulk, int8.CodeBytes(3).ToArray());
        Assert.Contains(bulk, b => b != 0 && b != 255);
    }

    [Fact]
    public void Every_int8_path_returns_the_same_results()
    {
        const int d = 48, n = 5000;
        var data = TestVectors.Clustered(n, d, centers: 10, seed: 5);
        var queries = TestVectors.Clustered(10, d, centers: 10, seed: 6);
        var results = new List<SearchHit[]>();
        foreach (var (vnni, level) in new[] { (true, SimdLevel.Vector512), (false, SimdLevel.Vector256), (false, SimdLevel.Scalar) })
        {
            using var index = new FlatIndex(new FlatIndexOptions { Dimension = d, Quantization = VectorQuantization.Int8, Simd = level, UseVnni = vnni });
            index.AddRange(TestVectors.Ids(n), data);
            results.Add(Enumerable.Range(0, 10).SelectMany(i => index.Search(queries.AsSpan(i * d, d), 10, new SearchOptions { MaxThreads = 1 + i % 2 })).ToArray());
        }
        Assert.Equal(results[0], results[1]);
        Assert.Equal(results[0], results[2]);
    }

    [Fact]
    public void Int8_query_split_over_threads_gives_the_single_thread_result()
    {
        // 12,000 × 128 codes = 1.5 MB: above the size where the int8 scan is split over threads.
        const int d = 128, n = 12_000;
        var data = TestVectors.Clustered(n, d, centers: 15, seed: 12);
        var queries = TestVectors.Clustered(15, d, centers: 15, seed: 13);
        using var index = new FlatIndex(new FlatIndexOptions { Dimension = d, Quantization = VectorQuantization.Int8 });
        index.AddRange(TestVectors.Ids(n), data);
        for (var qi = 0; qi < 15; qi++)
        {
            var q = queries.AsSpan(qi * d, d);
            var one = index.Search(q, 10, new SearchOptions { MaxThreads = 1 });
            foreach (var threads in new[] { 2, 3 })
                Assert.Equal(one, index.Search(q, 10, new SearchOptions { MaxThreads = threads }));
        }
    }

    [Fact]
    public void Quantiser_retrains_as_the_index_grows_one_row_at_a_time()
    {
        const int d = 16, n = 2000;
        var data = TestVectors.Clustered(n, d, centers: 5, seed: 8);
        using var exact = new FlatIndex(d);
        using var int8 = new FlatIndex(new FlatIndexOptions { Dimension = d, Quantization = VectorQuantization.Int8 });
        for (var i = 0; i < n; i++)
        {
            exact.Add($"r{i}", data.AsSpan(i * d, d));
            int8.Add($"r{i}", data.AsSpan(i * d, d));
        }
        Assert.True(int8.Int8!.TrainedRows >= n / 2);
        var hits = 0;
        for (var i = 0; i < 50; i++)
        {
            var q = data.AsSpan(i * 37 * d, d);
            var truth = exact.Search(q, 10).Select(h => h.Row).ToHashSet();
            hits += int8.Search(q, 10).Count(h => truth.Contains(h.Row));
        }
        Assert.True(hits >= 495, $"{hits} of 500");
    }

    [Fact]
    public void Int8_respects_filters_and_removals()
    {
        const int d = 16, n = 1000;
        var data = TestVectors.Gaussian(n, d, seed: 10);
        using var index = new FlatIndex(new FlatIndexOptions { Dimension = d, Quantization = VectorQuantization.Int8 });
        index.AddRange(TestVectors.Ids(n), data);
        var q = data.AsSpan(500 * d, d).ToArray();
        index.Remove("r500");
        var filter = RowFilter.FromRows(n, Enumerable.Range(0, n).Where(i => i % 2 == 0));
        var hits = index.Search(q, 10, new SearchOptions { Filter = filter });
        Assert.Equal(10, hits.Length);
        Assert.All(hits, h => Assert.True(h.Row % 2 == 0 && h.Row != 500));
    }
}

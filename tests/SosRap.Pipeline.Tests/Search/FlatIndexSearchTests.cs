using SosRap.Pipeline.Search;
using SosRap.Pipeline.Search.Kernels;

namespace SosRap.Pipeline.Tests.Search;

public sealed class FlatIndexSearchTests
{
    public static TheoryData<int, int> Shapes => new()
    {
        { 1, 70 }, { 7, 200 }, { 33, 129 }, { 64, 64 }, { 385, 300 }, { 384, 1000 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_kernel_path_matches_the_double_precision_reference(int d, int n)
    {
        var data = TestVectors.Gaussian(n, d, seed: 20261123 + d);
        var queries = TestVectors.Gaussian(5, d, seed: 7 + d);
        const int k = 10;
        foreach (var level in new[] { SimdLevel.Scalar, SimdLevel.Vector128, SimdLevel.Vector256, SimdLevel.Vector512 })
        {
            using var index = new FlatIndex(new FlatIndexOptions { Dimension = d, Simd = level, MaxThreads = 1 });
            index.AddRange(TestVectors.Ids(n), data);
            for (var qi = 0; qi < 5; qi++)
            {
                var q = queries.AsSpan(qi * d, d);
                var reference = TestVectors.AllCosines(data, d, q);
                var expected = TestVectors.TopK(reference, Math.Min(k, n));
                var rows = new int[k];
                var scores = new float[k];
                var found = index.Search(q, k, rows, scores);
                Assert.Equal(Math.Min(k, n), found);
                TestVectors.AssertTopK(reference, expected, rows, scores);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void All_kernel_paths_give_bit_identical_scores(int d, int n)
    {
        // Every path computes each row's score as the same sequential FMA chain, so the
        // float bits (not just the ranking) must agree.
        var data = TestVectors.Gaussian(n, d, seed: 99 + d);
        var q = TestVectors.Gaussian(1, d, seed: 5 + d);
        var k = Math.Min(n, 25);
        int[]? firstRows = null;
        float[]? firstScores = null;
        foreach (var level in new[] { SimdLevel.Scalar, SimdLevel.Vector128, SimdLevel.Vector256, SimdLevel.Vector512 })
        {
            using var index = new FlatIndex(new FlatIndexOptions { Dimension = d, Simd = level });
            index.AddRange(TestVectors.Ids(n), data);
            var rows = new int[k];
            var scores = new float[k];
            index.Search(q, k, rows, scores);
            if (firstRows is null)
            {
                firstRows = rows;
                firstScores = scores;
                continue;
            }
            Assert.Equal(firstRows, rows);
            Assert.Equal(firstScores, scores);
        }
    }

    [Fact]
    public void Scores_are_cosine_similarities_independent_of_vector_length()
    {
        using var index = new FlatIndex(3);
        index.Add("a", [3, 0, 0]);
        index.Add("b", [0, 0.001f, 0]);
        index.Add("c", [1, 1, 0]);
        var hits = index.Search([10, 0, 0], 3);
        Assert.Equal(["a", "c", "b"], hits.Select(h => h.Id));
        Assert.Equal(1f, hits[0].Score, 6);
        Assert.Equal((float)(1 / Math.Sqrt(2)), hits[1].Score, 6);
        Assert.Equal(0f, hits[2].Score, 6);
    }

    [Fact]
    public void Ties_are_broken_by_the_lower_row_in_every_path_and_thread_count()
    {
        // 300 copies of 3 directions: every score is one of 3 values, so the order within a
        // score is decided by the tie rule alone.
        const int d = 16;
        var rng = new Random(3);
        var dirs = TestVectors.Gaussian(3, d, seed: 11);
        var n = 300;
        var data = new float[n * d];
        var pick = new int[n];
        for (var i = 0; i < n; i++)
        {
            pick[i] = rng.Next(3);
            dirs.AsSpan(pick[i] * d, d).CopyTo(data.AsSpan(i * d, d));
        }
        var q = dirs.AsSpan(0, d).ToArray();
        var expected = Enumerable.Range(0, n).Where(i => pick[i] == 0).Take(40).ToArray();
        foreach (var threads in new[] { 1, 2, 3 })
        {
            foreach (var level in new[] { SimdLevel.Scalar, SimdLevel.Vector256, SimdLevel.Vector512 })
            {
                using var index = new FlatIndex(new FlatIndexOptions { Dimension = d, Simd = level, MaxThreads = threads });
                index.AddRange(TestVectors.Ids(n), data);
                var rows = new int[40];
                var scores = new float[40];
                index.Search(q, 40, rows, scores);
                Assert.Equal(expected, rows);
            }
        }
    }

    [Fact]
    public void Results_are_padded_with_minus_one_when_fewer_rows_qualify()
    {
        using var index = new FlatIndex(4);
        index.Add("a", [1, 0, 0, 0]);
        index.Add("b", [0, 1, 0, 0]);
        var rows = new int[5];
        var scores = new float[5];
        var found = index.Search([1, 1, 0, 0], 5, rows, scores);
        Assert.Equal(2, found);
        Assert.Equal([0, 1, -1, -1, -1], rows);
        Assert.Equal(float.NegativeInfinity, scores[4]);
        Assert.Equal(0, new FlatIndex(4).Search([1, 0, 0, 0], 3, rows, scores));
        Assert.Equal(-1, rows[0]);
    }

    [Fact]
    public void A_query_split_over_threads_gives_the_single_thread_result()
    {
        // 6000 × 64 floats = 1.5 MB: above the size where a query is split over threads.
        const int d = 64, n = 6000;
        var data = TestVectors.Clustered(n, d, centers: 20, seed: 8);
        var queries = TestVectors.Clustered(20, d, centers: 20, seed: 9);
        using var index = new FlatIndex(new FlatIndexOptions { Dimension = d });
        index.AddRange(TestVectors.Ids(n), data);
        for (var qi = 0; qi < 20; qi++)
        {
            var q = queries.AsSpan(qi * d, d);
            var r1 = new int[15];
            var s1 = new float[15];
            index.Search(q, 15, r1, s1, new SearchOptions { MaxThreads = 1 });
            foreach (var threads in new[] { 2, 3, 8 })
            {
                var r = new int[15];
                var s = new float[15];
                index.Search(q, 15, r, s, new SearchOptions { MaxThreads = threads });
                Assert.Equal(r1, r);
                Assert.Equal(s1, s);
            }
        }
    }

    [Fact]
    public void Filter_returns_only_allowed_rows_and_skips_empty_panels()
    {
        const int d = 24, n = 1000;
        var data = TestVectors.Gaussian(n, d, seed: 12);
        var q = TestVectors.Gaussian(1, d, seed: 13);
        using var index = new FlatIndex(d);
        index.AddRange(TestVectors.Ids(n), data);
        // Rows 130..139 and every 7th row after 600: most 64-row panels have no allowed row.
        Func<int, bool> allowed = i => (i >= 130 && i < 140) || (i >= 600 && i % 7 == 0);
        var filter = RowFilter.FromRows(n, Enumerable.Range(0, n).Where(allowed));
        var reference = TestVectors.AllCosines(data, d, q);
        var expected = TestVectors.TopK(reference, 12, allowed);
        var rows = new int[12];
        var scores = new float[12];
        foreach (var threads in new[] { 1, 2 })
        {
            index.Search(q, 12, rows, scores, new SearchOptions { Filter = filter, MaxThreads = threads });
            Assert.All(rows, r => Assert.True(allowed(r), $"row {r} is not allowed"));
            TestVectors.AssertTopK(reference, expected, rows, scores);
        }
    }

    [Fact]
    public void Filter_built_from_ids_excludes_rows_added_after_it()
    {
        using var index = new FlatIndex(2);
        index.Add("kajaani-1", [1, 0]);
        index.Add("kuhmo-1", [1, 0.1f]);
        index.Add("kajaani-2", [0, 1]);
        var kajaani = index.CreateFilter(id => id.StartsWith("kajaani", StringComparison.Ordinal));
        index.Add("kajaani-3", [1, 0.01f]);
        var hits = index.Search([1, 0], 4, new SearchOptions { Filter = kajaani });
        Assert.Equal(["kajaani-1", "kajaani-2"], hits.Select(h => h.Id));
        Assert.Equal(2, kajaani.AllowedCount);
    }

    [Fact]
    public void An_empty_filter_finds_nothing()
    {
        using var index = new FlatIndex(2);
        index.Add("a", [1, 0]);
        var rows = new int[3];
        var scores = new float[3];
        Assert.Equal(0, index.Search([1, 0], 3, rows, scores, new SearchOptions { Filter = new RowFilter(1) }));
        Assert.Equal([-1, -1, -1], rows);
    }
}

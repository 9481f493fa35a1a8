using SosRap.Pipeline.Search;

namespace SosRap.Pipeline.Tests.Search;

public sealed class FlatIndexMutationTests
{
    [Fact]
    public void Ids_map_to_dense_rows_in_order_of_addition()
    {
        using var index = new FlatIndex(2);
        index.Add("x", [1, 0]);
        index.AddRange(["y", "z"], [0, 1, 1, 1]);
        Assert.Equal(3, index.Count);
        Assert.True(index.TryGetRow("z", out var row));
        Assert.Equal(2, row);
        Assert.Equal("y", index.GetId(1));
        Assert.False(index.TryGetRow("w", out _));
    }

    [Fact]
    public void Vectors_are_stored_normalised()
    {
        using var index = new FlatIndex(2);
        index.Add("a", [3, 4]);
        var v = new float[2];
        index.CopyVector(0, v);
        Assert.Equal(0.6f, v[0], 6);
        Assert.Equal(0.8f, v[1], 6);
    }

    [Fact]
    public void Upsert_replaces_in_place_and_adds_when_missing()
    {
        using var index = new FlatIndex(2);
        index.Add("a", [1, 0]);
        index.Add("b", [0, 1]);
        Assert.True(index.Upsert("a", [0, -1]));
        Assert.False(index.Upsert("c", [-1, 0]));
        Assert.Equal(3, index.Count);
        Assert.True(index.TryGetRow("a", out var row));
        Assert.Equal(0, row);
        var hits = index.Search([0, -1], 1);
        Assert.Equal("a", hits[0].Id);
        Assert.Equal(1f, hits[0].Score, 6);
    }

    [Fact]
    public void Removed_vectors_are_never_returned_and_compaction_renumbers()
    {
        const int d = 8, n = 200;
        var data = TestVectors.Gaussian(n, d, seed: 4);
        using var index = new FlatIndex(d);
        index.AddRange(TestVectors.Ids(n), data);
        var q = data.AsSpan(17 * d, d).ToArray();
        Assert.Equal("r17", index.Search(q, 1)[0].Id);
        index.Remove("r17");
        for (var i = 0; i < n; i += 3) if (i != 17 && i != 18) index.Remove($"r{i}");
        Assert.Equal(n - 1 - 66, index.Count);
        Assert.Equal(n, index.RowCount);
        var before = index.Search(q, 20);
        Assert.DoesNotContain(before, h => h.Id == "r17" || int.Parse(h.Id[1..], System.Globalization.CultureInfo.InvariantCulture) % 3 == 0);
        Assert.Throws<ArgumentException>(() => index.GetId(17));

        index.Compact();
        Assert.Equal(index.Count, index.RowCount);
        Assert.Equal(0, index.DeletedCount);
        var after = index.Search(q, 20);
        Assert.Equal(before.Select(h => (h.Id, h.Score)), after.Select(h => (h.Id, h.Score)));
        // Rows are dense again and follow the original order.
        Assert.True(index.TryGetRow("r1", out var r1));
        Assert.True(index.TryGetRow("r2", out var r2));
        Assert.Equal(0, r1);
        Assert.Equal(1, r2);
    }

    [Fact]
    public void A_removed_id_can_be_added_again_as_a_new_row()
    {
        using var index = new FlatIndex(2);
        index.Add("a", [1, 0]);
        index.Remove("a");
        index.Add("a", [0, 1]);
        Assert.True(index.TryGetRow("a", out var row));
        Assert.Equal(1, row);
        Assert.Equal(1, index.Count);
        Assert.Single(index.Search([0, 1], 5));
    }

    [Fact]
    public void Clear_empties_the_index()
    {
        using var index = new FlatIndex(new FlatIndexOptions { Dimension = 2, Quantization = VectorQuantization.Int8 });
        index.AddRange(["a", "b"], [1, 0, 0, 1]);
        index.Clear();
        Assert.Equal(0, index.Count);
        Assert.Empty(index.Search([1, 0], 3));
        index.Add("a", [0, 1]);
        Assert.Equal("a", index.Search([0, 1], 1)[0].Id);
    }

    [Fact]
    public void Growing_past_the_initial_capacity_keeps_every_row()
    {
        const int d = 5;
        using var index = new FlatIndex(new FlatIndexOptions { Dimension = d, InitialCapacity = 1 });
        var data = TestVectors.Gaussian(700, d, seed: 6);
        for (var i = 0; i < 700; i++) index.Add($"r{i}", data.AsSpan(i * d, d));
        for (var i = 0; i < 700; i += 97)
            Assert.Equal($"r{i}", index.Search(data.AsSpan(i * d, d), 1)[0].Id);
    }
}

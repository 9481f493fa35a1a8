using SosRap.Pipeline.Search;

namespace SosRap.Pipeline.Tests.Search;

public sealed class FlatIndexValidationTests
{
    [Fact]
    public void Wrong_dimension_is_rejected_with_both_sizes()
    {
        using var index = new FlatIndex(4);
        var e = Assert.Throws<ArgumentException>(() => index.Add("a", [1, 2, 3]));
        Assert.Equal("vector", e.ParamName);
        Assert.Contains("'a'", e.Message);
        Assert.Contains("3 components", e.Message);
        Assert.Contains("dimension is 4", e.Message);
        Assert.Throws<ArgumentException>(() => index.Search([1, 2, 3, 4, 5], 1));
    }

    [Fact]
    public void Nan_and_infinity_name_the_component_and_the_item()
    {
        using var index = new FlatIndex(3);
        var e = Assert.Throws<ArgumentException>(() => index.Add("a", [1, float.NaN, 0]));
        Assert.Contains("component 1 is NaN", e.Message);
        e = Assert.Throws<ArgumentException>(() => index.AddRange(["a", "b"], [1, 0, 0, 0, 0, float.PositiveInfinity]));
        Assert.Contains("vector 'b' (item 1)", e.Message);
        Assert.Contains("component 2 is +infinity", e.Message);
        Assert.Equal(0, index.Count);
        e = Assert.Throws<ArgumentException>(() => index.Search([float.NegativeInfinity, 0, 0], 1));
        Assert.Equal("query", e.ParamName);
        Assert.Contains("-infinity", e.Message);
        index.Add("ok", [1, 0, 0]);
        var batch = new float[] { 1, 0, 0, 0, float.NaN, 0 };
        e = Assert.Throws<ArgumentException>(() => index.SearchBatch(batch, 1, new int[2], new float[2]));
        Assert.Contains("vector 1", e.Message);
        Assert.Contains("component 1 is NaN", e.Message);
    }

    [Fact]
    public void Zero_vectors_are_rejected()
    {
        using var index = new FlatIndex(3);
        var e = Assert.Throws<ArgumentException>(() => index.Add("z", [0, 0, 0]));
        Assert.Contains("zero vector", e.Message);
        Assert.Throws<ArgumentException>(() => index.Search([0, 0, 0], 1));
    }

    [Fact]
    public void Tiny_and_huge_components_normalise_without_overflow()
    {
        using var index = new FlatIndex(2);
        index.Add("huge", [3e38f, 3e38f]);
        index.Add("tiny", [1e-44f, 0]);
        var v = new float[2];
        index.CopyVector(0, v);
        Assert.Equal(MathF.Sqrt(0.5f), v[0], 5);
        index.CopyVector(1, v);
        Assert.Equal(1f, v[0], 6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void K_below_one_is_rejected(int k)
    {
        using var index = new FlatIndex(2);
        index.Add("a", [1, 0]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => index.Search([1, 0], k, new int[1], new float[1]));
        Assert.Equal("k", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => index.SearchBatch([1, 0, 0, 1], k, new int[2], new float[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.BuildKnnGraph(k, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Duplicate_ids_are_rejected_in_the_index_and_within_a_batch()
    {
        using var index = new FlatIndex(2);
        index.Add("a", [1, 0]);
        var e = Assert.Throws<ArgumentException>(() => index.Add("a", [0, 1]));
        Assert.Contains("'a' is already in the index (row 0)", e.Message);
        e = Assert.Throws<ArgumentException>(() => index.AddRange(["b", "c", "b"], [1, 0, 0, 1, 1, 1]));
        Assert.Contains("'b' appears twice in the batch (items 0 and 2)", e.Message);
        e = Assert.Throws<ArgumentException>(() => index.AddRange(["c", "a"], [1, 0, 0, 1]));
        Assert.Contains("'a' (item 1) is already in the index", e.Message);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Unknown_id_on_remove_is_rejected()
    {
        using var index = new FlatIndex(2);
        index.Add("a", [1, 0]);
        var e = Assert.Throws<ArgumentException>(() => index.Remove("nope"));
        Assert.Contains("'nope' is not in the index", e.Message);
        index.Remove("a");
        Assert.Throws<ArgumentException>(() => index.Remove("a"));
    }

    [Fact]
    public void Null_or_empty_ids_are_rejected()
    {
        using var index = new FlatIndex(2);
        Assert.Throws<ArgumentNullException>(() => index.Add(null!, [1, 0]));
        Assert.Throws<ArgumentException>(() => index.Add("", [1, 0]));
        var e = Assert.Throws<ArgumentNullException>(() => index.AddRange(["a", null!], [1, 0, 0, 1]));
        Assert.Contains("item 1", e.Message);
    }

    [Fact]
    public void Short_output_buffers_and_ragged_batches_are_rejected()
    {
        using var index = new FlatIndex(2);
        index.Add("a", [1, 0]);
        var e = Assert.Throws<ArgumentException>(() => index.Search([1, 0], 3, new int[2], new float[3]));
        Assert.Equal("rows", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => index.SearchBatch([1, 0, 0, 1], 2, new int[4], new float[3]));
        Assert.Equal("scores", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => index.SearchBatch([1, 0, 0], 1, new int[2], new float[2]));
        Assert.Contains("not a whole number of 2-component vectors", e.Message);
        e = Assert.Throws<ArgumentException>(() => index.AddRange(["b", "c"], [1, 0, 0]));
        Assert.Contains("2 ids need 4 floats", e.Message);
    }

    [Fact]
    public void Invalid_options_are_rejected_when_the_index_is_created()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FlatIndex(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FlatIndex(FlatIndexOptions.MaxDimension + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FlatIndex(new FlatIndexOptions { Dimension = 4, RerankFactor = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SearchOptions { MaxThreads = -1 });
    }

    [Fact]
    public void Rows_outside_the_index_are_rejected()
    {
        using var index = new FlatIndex(2);
        index.Add("a", [1, 0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => index.GetId(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.CopyVector(-1, new float[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RowFilter(4).Allow(4));
    }
}

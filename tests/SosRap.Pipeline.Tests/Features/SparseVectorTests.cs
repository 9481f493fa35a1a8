using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Tests.Features;

public sealed class SparseVectorTests
{
    [Fact]
    public void Sparse_dot_equals_the_dense_dot()
    {
        var random = new Random(20261123);
        for (var trial = 0; trial < 50; trial++)
        {
            var a = RandomVector(random, 40);
            var b = RandomVector(random, 40);
            var da = new float[40];
            var db = new float[40];
            a.CopyTo(da);
            b.CopyTo(db);
            var dense = 0f;
            for (var i = 0; i < 40; i++) dense += da[i] * db[i];
            Assert.Equal(dense, a.Dot(b), 4);
            Assert.Equal(dense, a.Dot(db), 4);
        }
    }

    [Fact]
    public void Constructor_refuses_unsorted_duplicate_or_negative_indices_and_non_finite_values()
    {
        Assert.Throws<ArgumentException>(() => new SparseVector([2, 1], [1f, 1f]));
        Assert.Throws<ArgumentException>(() => new SparseVector([1, 1], [1f, 1f]));
        Assert.Throws<ArgumentException>(() => new SparseVector([-1], [1f]));
        Assert.Throws<ArgumentException>(() => new SparseVector([0], [float.NaN]));
        Assert.Throws<ArgumentException>(() => new SparseVector([0, 1], [1f]));
        Assert.Throws<ArgumentException>(() => new SparseVector([5], [1f]).Dot(new float[3]));
    }

    [Fact]
    public void Csr_matrix_checks_its_shape_and_transposes()
    {
        // [[1, 0, 2], [0, 0, 0], [0, 3, 0]]
        var m = new SparseMatrix(3, 3, [0, 2, 2, 3], [0, 2, 1], [1f, 2f, 3f]);
        var t = m.Transpose();
        Assert.Equal([0, 1, 2, 3], t.RowPointers.ToArray());
        Assert.Equal([0, 2, 0], t.ColumnIndices.ToArray());
        Assert.Equal([1f, 3f, 2f], t.Values.ToArray());
        Assert.Equal(m.Values.ToArray(), t.Transpose().Values.ToArray());
        Assert.Throws<ArgumentException>(() => new SparseMatrix(2, 3, [0, 2, 1], [0, 1], [1f, 1f]));
        Assert.Throws<ArgumentException>(() => new SparseMatrix(1, 2, [0, 2], [1, 0], [1f, 1f]));
        Assert.Throws<ArgumentException>(() => new SparseMatrix(1, 2, [0, 1], [2], [1f]));
    }

    private static SparseVector RandomVector(Random random, int dimension)
    {
        var ids = Enumerable.Range(0, dimension).Where(_ => random.NextDouble() < 0.3).ToArray();
        return new SparseVector(ids, ids.Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray());
    }
}

using System.Numerics.Tensors;
using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Evaluation.Representations;

/// <summary>
/// The vectors of a set of reports under one representation, sparse (tf-idf rows) or dense
/// (embeddings), behind the three operations kNN and k-means need. Every stored vector has unit
/// length, so a dot product is a cosine similarity; a report without a vector is skipped.
/// </summary>
internal sealed class VectorSet
{
    private readonly SparseMatrix? _sparse;
    private readonly EmbeddedCorpus? _dense;

    private VectorSet(SparseMatrix? sparse, EmbeddedCorpus? dense)
    {
        _sparse = sparse;
        _dense = dense;
        Count = sparse?.RowCount ?? dense!.Count;
        Dimension = sparse?.ColumnCount ?? dense!.Dimension;
    }

    public int Count { get; }

    public int Dimension { get; }

    public static VectorSet Sparse(SparseMatrix rows) => new(rows, null);

    public static VectorSet Dense(EmbeddedCorpus rows) => new(null, rows);

    public bool HasVector(int row) => _sparse is not null ? _sparse.RowPointers[row + 1] > _sparse.RowPointers[row] : _dense!.IsEmbedded(row);

    /// <summary>Writes row i into a dense vector of <see cref="Dimension"/> floats.</summary>
    public void CopyTo(int row, Span<float> destination)
    {
        if (_dense is not null)
        {
            _dense.Row(row).CopyTo(destination);
            return;
        }

        destination.Clear();
        var ids = _sparse!.RowIndices(row);
        var values = _sparse.RowValues(row);
        for (var k = 0; k < ids.Length; k++) destination[ids[k]] = values[k];
    }

    /// <summary>Row i · a dense vector.</summary>
    public float Dot(int row, ReadOnlySpan<float> vector)
    {
        if (_dense is not null) return TensorPrimitives.Dot(_dense.Row(row), vector);
        var ids = _sparse!.RowIndices(row);
        var values = _sparse.RowValues(row);
        var sum = 0f;
        for (var k = 0; k < ids.Length; k++) sum += values[k] * vector[ids[k]];
        return sum;
    }

    /// <summary>Adds row i to a dense accumulator.</summary>
    public void AddTo(int row, Span<float> accumulator)
    {
        if (_dense is not null)
        {
            TensorPrimitives.Add(accumulator, _dense.Row(row), accumulator);
            return;
        }

        var ids = _sparse!.RowIndices(row);
        var values = _sparse.RowValues(row);
        for (var k = 0; k < ids.Length; k++) accumulator[ids[k]] += values[k];
    }
}

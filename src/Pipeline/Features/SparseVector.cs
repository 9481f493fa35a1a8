using System.Numerics.Tensors;

namespace SosRap.Pipeline.Features;

/// <summary>
/// An immutable sparse vector: strictly increasing feature indices with one finite value each.
/// Vectors made by <see cref="TfidfModel"/> are L2-normalised (or empty), so <see cref="Dot(SparseVector)"/>
/// of two of them is their cosine similarity.
/// </summary>
public sealed class SparseVector
{
    private readonly int[] _indices;
    private readonly float[] _values;

    /// <summary>Creates a vector, checking that indices increase strictly and values are finite.</summary>
    /// <exception cref="ArgumentException">Lengths differ, an index is negative or out of order, or a value is not finite.</exception>
    public SparseVector(ReadOnlySpan<int> indices, ReadOnlySpan<float> values)
    {
        if (indices.Length != values.Length)
            throw new ArgumentException($"indices ({indices.Length}) and values ({values.Length}) differ in length.", nameof(values));
        for (var i = 0; i < indices.Length; i++)
        {
            if (indices[i] < 0 || (i > 0 && indices[i] <= indices[i - 1]))
                throw new ArgumentException($"Indices must be non-negative and strictly increasing (position {i}).", nameof(indices));
            if (!float.IsFinite(values[i]))
                throw new ArgumentException($"Value at position {i} is not finite.", nameof(values));
        }

        _indices = indices.ToArray();
        _values = values.ToArray();
    }

    // Trusted: the arrays are owned by the vector and already valid.
    private SparseVector(int[] indices, float[] values)
    {
        _indices = indices;
        _values = values;
    }

    /// <summary>The vector with no entries.</summary>
    public static SparseVector Empty { get; } = new([], []);

    /// <summary>Number of stored entries.</summary>
    public int Count => _indices.Length;

    /// <summary>Whether the vector has no entries.</summary>
    public bool IsEmpty => _indices.Length == 0;

    /// <summary>Feature indices, strictly increasing.</summary>
    public ReadOnlySpan<int> Indices => _indices;

    /// <summary>The value of each index.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>Euclidean norm.</summary>
    public float Norm() => TensorPrimitives.Norm(_values);

    /// <summary>Inner product with another sparse vector (a merge of the two index lists).</summary>
    public float Dot(SparseVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Dot(_indices, _values, other._indices, other._values);
    }

    /// <summary>Inner product with a dense vector indexed by feature id.</summary>
    /// <exception cref="ArgumentException">An index lies beyond <paramref name="dense"/>.</exception>
    public float Dot(ReadOnlySpan<float> dense)
    {
        if (_indices.Length > 0 && _indices[^1] >= dense.Length)
            throw new ArgumentException($"The dense vector has {dense.Length} components; this vector uses index {_indices[^1]}.", nameof(dense));
        var sum = 0f;
        for (var i = 0; i < _indices.Length; i++)
            sum += _values[i] * dense[_indices[i]];
        return sum;
    }

    /// <summary>Inner product of two sparse vectors given as sorted index and value spans.</summary>
    public static float Dot(ReadOnlySpan<int> aIndices, ReadOnlySpan<float> aValues, ReadOnlySpan<int> bIndices, ReadOnlySpan<float> bValues)
    {
        var sum = 0f;
        int i = 0, j = 0;
        while (i < aIndices.Length && j < bIndices.Length)
        {
            var a = aIndices[i];
            var b = bIndices[j];
            if (a == b)
            {
                sum += aValues[i] * bValues[j];
                i++;
                j++;
            }
            else if (a < b) i++;
            else j++;
        }

        return sum;
    }

    /// <summary>Copies into a dense vector (zeros elsewhere).</summary>
    public void CopyTo(Span<float> dense)
    {
        if (_indices.Length > 0 && _indices[^1] >= dense.Length)
            throw new ArgumentException($"The destination has {dense.Length} components; this vector uses index {_indices[^1]}.", nameof(dense));
        dense.Clear();
        for (var i = 0; i < _indices.Length; i++)
            dense[_indices[i]] = _values[i];
    }

    /// <summary>Wraps arrays the caller gives up (no copy, no checks).</summary>
    internal static SparseVector Own(int[] indices, float[] values) => indices.Length == 0 ? Empty : new SparseVector(indices, values);
}

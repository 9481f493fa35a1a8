namespace SosRap.Pipeline.Embeddings;

/// <summary>
/// The embeddings of a corpus in one flat row-major array (<see cref="Count"/> × <see cref="Dimension"/>),
/// the layout the vector index and k-means take as they are.
/// </summary>
public sealed class EmbeddedCorpus
{
    private readonly float[] _vectors;
    private readonly bool[] _embedded;

    internal EmbeddedCorpus(float[] vectors, bool[] embedded, int dimension)
    {
        _vectors = vectors;
        _embedded = embedded;
        Dimension = dimension;
    }

    /// <summary>Number of texts (rows).</summary>
    public int Count => _embedded.Length;

    /// <summary>Length of each row.</summary>
    public int Dimension { get; }

    /// <summary>All rows, row-major; row i is at [i × Dimension, (i + 1) × Dimension).</summary>
    public float[] Vectors => _vectors;

    /// <summary>Whether text i got an embedding; a row without one is all zeros and must not be indexed.</summary>
    public bool IsEmbedded(int index) => _embedded[index];

    /// <summary>How many texts got an embedding.</summary>
    public int EmbeddedCount
    {
        get
        {
            var n = 0;
            foreach (var e in _embedded) n += e ? 1 : 0;
            return n;
        }
    }

    /// <summary>Row i.</summary>
    public ReadOnlySpan<float> Row(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _vectors.AsSpan(index * Dimension, Dimension);
    }
}

namespace SosRap.Pipeline.Embeddings;

/// <summary>
/// The leading singular values and right singular vectors of a matrix A (rows × columns):
/// <c>A ≈ U Σ Vᵀ</c> with only Σ and V kept, since a new row x is projected as <c>x V</c>.
/// </summary>
public sealed class TruncatedSvd
{
    private readonly double[] _singularValues;
    private readonly float[] _rightVectors;

    internal TruncatedSvd(int columnCount, double[] singularValues, float[] rightVectors)
    {
        if (rightVectors.Length != (long)columnCount * singularValues.Length)
            throw new ArgumentException("The right singular vectors do not match the column count and rank.", nameof(rightVectors));
        ColumnCount = columnCount;
        _singularValues = singularValues;
        _rightVectors = rightVectors;
    }

    /// <summary>Number of components kept (at most the rank asked for; fewer when the matrix has lower numerical rank).</summary>
    public int Rank => _singularValues.Length;

    /// <summary>Number of columns of A (length of each right singular vector).</summary>
    public int ColumnCount { get; }

    /// <summary>Singular values, largest first.</summary>
    public ReadOnlySpan<double> SingularValues => _singularValues;

    /// <summary>
    /// V as a row-major ColumnCount × Rank matrix: row j holds the coordinates of column (feature)
    /// j in the components, so <c>x V</c> is a sum of rows. Each component's sign is fixed so that its
    /// largest-magnitude entry is positive.
    /// </summary>
    public ReadOnlySpan<float> RightVectors => _rightVectors;

    internal float[] RightVectorArray => _rightVectors;
}

namespace SosRap.Pipeline.Search;

/// <summary>
/// The exact k nearest other rows of every row of an index (self excluded), best first, ties
/// broken by the lower row. Rows with fewer than k other live rows, and removed rows, are padded
/// with row -1 and score −∞.
/// </summary>
public sealed class KnnGraph
{
    private readonly int[] _neighbors;
    private readonly float[] _scores;

    internal KnnGraph(int rowCount, int k, int[] neighbors, float[] scores)
    {
        RowCount = rowCount;
        K = k;
        _neighbors = neighbors;
        _scores = scores;
    }

    /// <summary>Rows of the index when the graph was built.</summary>
    public int RowCount { get; }

    /// <summary>Neighbours per row.</summary>
    public int K { get; }

    /// <summary>All neighbour rows, row-major (<see cref="RowCount"/> × <see cref="K"/>).</summary>
    public ReadOnlySpan<int> AllNeighbors => _neighbors;

    /// <summary>All scores, aligned with <see cref="AllNeighbors"/>.</summary>
    public ReadOnlySpan<float> AllScores => _scores;

    /// <summary>The k nearest rows of <paramref name="row"/>, best first.</summary>
    public ReadOnlySpan<int> Neighbors(int row) => _neighbors.AsSpan(CheckRow(row) * K, K);

    /// <summary>Cosine similarities aligned with <see cref="Neighbors"/>.</summary>
    public ReadOnlySpan<float> Scores(int row) => _scores.AsSpan(CheckRow(row) * K, K);

    private int CheckRow(int row)
    {
        if ((uint)row >= (uint)RowCount)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"row {row} is outside the graph's {RowCount} rows");
        return row;
    }
}

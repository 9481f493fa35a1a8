namespace SosRap.Pipeline.Features;

/// <summary>
/// An immutable sparse matrix in compressed sparse row (CSR) form: row <c>i</c> holds the entries
/// <c>[RowPointers[i], RowPointers[i + 1])</c> of <see cref="ColumnIndices"/> and <see cref="Values"/>,
/// columns strictly increasing within a row. A corpus of featurized reports is one such matrix,
/// one row per report (the layout of scipy's <c>csr_matrix</c> and of ML.NET's sparse <c>VBuffer</c> rows).
/// </summary>
public sealed class SparseMatrix
{
    private readonly int[] _rowPointers;
    private readonly int[] _columns;
    private readonly float[] _values;

    /// <summary>Creates a matrix from CSR arrays, checking their shape and order.</summary>
    /// <exception cref="ArgumentException">The arrays do not describe a valid CSR matrix of this size.</exception>
    public SparseMatrix(int rowCount, int columnCount, int[] rowPointers, int[] columnIndices, float[] values)
        : this(rowCount, columnCount, rowPointers, columnIndices, values, validate: true)
    {
    }

    internal SparseMatrix(int rowCount, int columnCount, int[] rowPointers, int[] columnIndices, float[] values, bool validate)
    {
        ArgumentNullException.ThrowIfNull(rowPointers);
        ArgumentNullException.ThrowIfNull(columnIndices);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(columnCount);
        if (validate) Validate(rowCount, columnCount, rowPointers, columnIndices, values);
        RowCount = rowCount;
        ColumnCount = columnCount;
        _rowPointers = rowPointers;
        _columns = columnIndices;
        _values = values;
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Number of columns (features).</summary>
    public int ColumnCount { get; }

    /// <summary>Number of stored entries.</summary>
    public int NonZeroCount => _rowPointers[RowCount];

    /// <summary>Start of each row in <see cref="ColumnIndices"/>; <see cref="RowCount"/> + 1 entries.</summary>
    public ReadOnlySpan<int> RowPointers => _rowPointers;

    /// <summary>Column of each stored entry.</summary>
    public ReadOnlySpan<int> ColumnIndices => _columns;

    /// <summary>Value of each stored entry.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>Column indices of one row, increasing.</summary>
    public ReadOnlySpan<int> RowIndices(int row)
    {
        var (start, length) = Range(row);
        return _columns.AsSpan(start, length);
    }

    /// <summary>Values of one row, in the order of <see cref="RowIndices"/>.</summary>
    public ReadOnlySpan<float> RowValues(int row)
    {
        var (start, length) = Range(row);
        return _values.AsSpan(start, length);
    }

    /// <summary>One row as a <see cref="SparseVector"/> (copied).</summary>
    public SparseVector Row(int row) => new(RowIndices(row), RowValues(row));

    /// <summary>The transpose, also in CSR form (so the CSC form of this matrix). Deterministic.</summary>
    public SparseMatrix Transpose()
    {
        var counts = new int[ColumnCount + 1];
        var nnz = NonZeroCount;
        for (var k = 0; k < nnz; k++) counts[_columns[k] + 1]++;
        for (var c = 0; c < ColumnCount; c++) counts[c + 1] += counts[c];
        var next = counts.AsSpan(0, ColumnCount).ToArray();
        var columns = new int[nnz];
        var values = new float[nnz];
        for (var r = 0; r < RowCount; r++)
        {
            for (var k = _rowPointers[r]; k < _rowPointers[r + 1]; k++)
            {
                var slot = next[_columns[k]]++;
                columns[slot] = r;
                values[slot] = _values[k];
            }
        }

        return new SparseMatrix(ColumnCount, RowCount, counts, columns, values, validate: false);
    }

    /// <summary>Approximate managed memory held by the three arrays, in bytes.</summary>
    public long MemoryBytes => (long)_rowPointers.Length * sizeof(int) + (long)_columns.Length * sizeof(int) + (long)_values.Length * sizeof(float);

    internal int[] RowPointerArray => _rowPointers;

    internal int[] ColumnArray => _columns;

    internal float[] ValueArray => _values;

    private (int Start, int Length) Range(int row)
    {
        if ((uint)row >= (uint)RowCount)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"The matrix has {RowCount} rows.");
        var start = _rowPointers[row];
        return (start, _rowPointers[row + 1] - start);
    }

    private static void Validate(int rowCount, int columnCount, int[] rowPointers, int[] columns, float[] values)
    {
        if (rowPointers.Length != rowCount + 1)
            throw new ArgumentException($"rowPointers must have {rowCount + 1} entries, has {rowPointers.Length}.", nameof(rowPointers));
        if (rowPointers[0] != 0)
            throw new ArgumentException("rowPointers must start at 0.", nameof(rowPointers));
        var nnz = rowPointers[rowCount];
        if (columns.Length < nnz || values.Length < nnz)
            throw new ArgumentException($"The matrix has {nnz} entries but columnIndices has {columns.Length} and values {values.Length}.", nameof(columns));
        for (var r = 0; r < rowCount; r++)
        {
            if (rowPointers[r + 1] < rowPointers[r])
                throw new ArgumentException($"rowPointers decrease at row {r}.", nameof(rowPointers));
            for (var k = rowPointers[r]; k < rowPointers[r + 1]; k++)
            {
                var c = columns[k];
                if ((uint)c >= (uint)columnCount || (k > rowPointers[r] && c <= columns[k - 1]))
                    throw new ArgumentException($"Row {r}: column indices must lie in [0, {columnCount}) and increase strictly.", nameof(columns));
                if (!float.IsFinite(values[k]))
                    throw new ArgumentException($"Row {r}: a value is not finite.", nameof(values));
            }
        }
    }
}

namespace SosRap.Pipeline.Features;

/// <summary>Appends rows to a CSR matrix; the arrays grow by doubling and are trimmed once at <see cref="Build"/>.</summary>
internal sealed class SparseMatrixBuilder
{
    private int[] _rowPointers;
    private int[] _columns;
    private float[] _values;
    private int _rows;
    private int _count;

    public SparseMatrixBuilder(int expectedRows = 16, int expectedNonZeros = 256)
    {
        _rowPointers = new int[Math.Max(expectedRows, 1) + 1];
        _columns = new int[Math.Max(expectedNonZeros, 16)];
        _values = new float[_columns.Length];
    }

    public int RowCount => _rows;

    /// <summary>Appends one row; <paramref name="columns"/> must increase strictly.</summary>
    public void AddRow(ReadOnlySpan<int> columns, ReadOnlySpan<float> values)
    {
        if ((long)_count + columns.Length > Array.MaxLength)
            throw new InvalidOperationException($"A sparse matrix holds at most {Array.MaxLength:N0} entries; the corpus has more.");
        EnsureCapacity(_count + columns.Length);
        columns.CopyTo(_columns.AsSpan(_count));
        values.CopyTo(_values.AsSpan(_count));
        _count += columns.Length;
        if (_rows + 2 > _rowPointers.Length) Array.Resize(ref _rowPointers, _rowPointers.Length * 2);
        _rows++;
        _rowPointers[_rows] = _count;
    }

    public SparseMatrix Build(int columnCount)
    {
        Array.Resize(ref _rowPointers, _rows + 1);
        Array.Resize(ref _columns, _count);
        Array.Resize(ref _values, _count);
        var m = new SparseMatrix(_rows, columnCount, _rowPointers, _columns, _values, validate: false);
        _rowPointers = [0];
        _columns = [];
        _values = [];
        _rows = 0;
        _count = 0;
        return m;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _columns.Length) return;
        var size = (int)Math.Min(Array.MaxLength, Math.Max((long)_columns.Length * 2, needed));
        Array.Resize(ref _columns, size);
        Array.Resize(ref _values, size);
    }
}

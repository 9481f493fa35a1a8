using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SosRap.Pipeline.Search;

/// <summary>
/// A set of allowed rows (a bitset), e.g. the reports of one municipality or one period, passed
/// with <see cref="SearchOptions.Filter"/>. Rows at or beyond <see cref="RowCount"/> are not
/// allowed, so a filter made before later additions never lets the new rows through. A search
/// skips every block of 64 rows with no allowed row without reading it.
/// </summary>
public sealed class RowFilter
{
    // Pinned so the kernels can read it through a pointer without pinning per call.
    private readonly ulong[] _words;

    /// <summary>Creates a filter over <paramref name="rowCount"/> rows with no row allowed.</summary>
    public RowFilter(int rowCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        RowCount = rowCount;
        _words = GC.AllocateArray<ulong>(Math.Max(1, (rowCount + 63) / 64), pinned: true);
    }

    /// <summary>Rows covered.</summary>
    public int RowCount { get; }

    /// <summary>Number of allowed rows.</summary>
    public int AllowedCount
    {
        get
        {
            var n = 0;
            foreach (var w in _words) n += BitOperations.PopCount(w);
            return n;
        }
    }

    /// <summary>Creates a filter allowing exactly <paramref name="rows"/>.</summary>
    public static RowFilter FromRows(int rowCount, IEnumerable<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var filter = new RowFilter(rowCount);
        foreach (var r in rows) filter.Allow(r);
        return filter;
    }

    /// <summary>Allows row <paramref name="row"/>.</summary>
    public void Allow(int row)
    {
        Check(row);
        _words[row >> 6] |= 1UL << row;
    }

    /// <summary>Disallows row <paramref name="row"/>.</summary>
    public void Deny(int row)
    {
        Check(row);
        _words[row >> 6] &= ~(1UL << row);
    }

    /// <summary>Whether row <paramref name="row"/> is allowed (false beyond <see cref="RowCount"/>).</summary>
    public bool IsAllowed(int row) => (uint)row < (uint)RowCount && (_words[row >> 6] & (1UL << row)) != 0;

    internal unsafe ulong* Pointer => (ulong*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_words));

    private void Check(int row)
    {
        if ((uint)row >= (uint)RowCount)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"row {row} is outside the filter's {RowCount} rows");
    }
}

using System.Runtime.CompilerServices;

namespace SosRap.Pipeline.Search.Kernels;

/// <summary>
/// Decides whether a scored row may enter a result: it must be a real row (not panel padding),
/// not removed, allowed by the caller's filter and not the excluded row (the query itself in a
/// k-NN graph). Checked only for rows whose score reaches the current threshold, so it costs
/// nothing in the common case. The bitsets are pinned arrays owned by the index or the filter.
/// </summary>
internal readonly unsafe struct RowGate
{
    public RowGate(int rowEnd, ulong* deleted, ulong* filter, int filterRows, int excludeRow = -1)
    {
        RowEnd = rowEnd;
        Deleted = deleted;
        Filter = filter;
        FilterRows = filterRows;
        ExcludeRow = excludeRow;
    }

    /// <summary>Rows at or after this are padding of the last panel.</summary>
    public int RowEnd { get; }

    /// <summary>Bitset of removed rows, or null when none is removed.</summary>
    public ulong* Deleted { get; }

    /// <summary>Bitset of allowed rows, or null for no filter.</summary>
    public ulong* Filter { get; }

    /// <summary>Rows covered by <see cref="Filter"/>; rows beyond are not allowed.</summary>
    public int FilterRows { get; }

    /// <summary>A row never returned (-1 for none).</summary>
    public int ExcludeRow { get; }

    /// <summary>Same gate with another excluded row.</summary>
    public RowGate WithExcluded(int row) => new(RowEnd, Deleted, Filter, FilterRows, row);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Allows(int row)
    {
        if ((uint)row >= (uint)RowEnd || row == ExcludeRow) return false;
        if (Deleted != null && (Deleted[row >> 6] & (1UL << row)) != 0) return false;
        if (Filter != null && (row >= FilterRows || (Filter[row >> 6] & (1UL << row)) == 0)) return false;
        return true;
    }

    /// <summary>
    /// The filter's 64 bits for rows [64w, 64w+64) (one panel), with rows beyond the filter
    /// cleared; all ones when there is no filter.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong FilterWord(int w)
    {
        if (Filter == null) return ulong.MaxValue;
        var first = w << 6;
        if (first >= FilterRows) return 0;
        var word = Filter[w];
        var valid = FilterRows - first;
        return valid >= 64 ? word : word & ((1UL << valid) - 1);
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;

namespace SosRap.Pipeline.Search.Kernels;

/// <summary>
/// The k best (score, row) pairs seen so far, kept as a binary heap whose root is the worst kept
/// pair, over storage the caller owns (no allocation). Order is total: a higher score is better
/// and, for equal scores, the lower row is better, so the result does not depend on the order in
/// which rows were visited or on how the rows were split over threads.
/// </summary>
internal ref struct TopK<T>
    where T : unmanaged, INumber<T>
{
    private readonly Span<T> _scores;
    private readonly Span<int> _rows;
    private readonly int _k;
    private int _count;

    /// <summary>
    /// Wraps a heap of capacity <paramref name="k"/> over the given storage, of which the first
    /// <paramref name="count"/> entries already form a heap (0 for an empty one).
    /// </summary>
    public TopK(Span<T> scores, Span<int> rows, int k, int count = 0)
    {
        _scores = scores[..k];
        _rows = rows[..k];
        _k = k;
        _count = count;
    }

    /// <summary>Number of pairs kept (at most k).</summary>
    public readonly int Count => _count;

    /// <summary>Whether k pairs are kept, i.e. <see cref="WorstScore"/> is a real threshold.</summary>
    public readonly bool IsFull => _count == _k;

    /// <summary>Score of the worst kept pair; only meaningful when <see cref="IsFull"/>.</summary>
    public readonly T WorstScore => _scores[0];

    /// <summary>
    /// A value every score that could still enter must reach (<c>score &gt;= Threshold</c>): the
    /// worst kept score when full, otherwise the smallest value of <typeparamref name="T"/>.
    /// </summary>
    public readonly T Threshold => _count == _k ? _scores[0] : MinValue;

    /// <summary>True when (a, ra) ranks strictly before (b, rb).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Better(T a, int ra, T b, int rb) => a > b || (a == b && ra < rb);

    /// <summary>Offers one pair; returns true when it was kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryInsert(T score, int row)
    {
        if (_count < _k)
        {
            SiftUp(_count++, score, row);
            return true;
        }
        if (!Better(score, row, _scores[0], _rows[0])) return false;
        SiftDown(score, row);
        return true;
    }

    /// <summary>
    /// Sorts the kept pairs best-first in place (the heap is no longer valid afterwards) and
    /// returns their number.
    /// </summary>
    public int SortBestFirst()
    {
        // Heap sort: repeatedly move the worst to the end of the shrinking heap.
        var n = _count;
        for (var end = n - 1; end > 0; end--)
        {
            T s = _scores[end];
            var r = _rows[end];
            _scores[end] = _scores[0];
            _rows[end] = _rows[0];
            _count = end;
            SiftDown(s, r);
        }
        _count = n;
        return n;
    }

    private static T MinValue
    {
        get
        {
            if (typeof(T) == typeof(float)) return (T)(object)float.NegativeInfinity;
            if (typeof(T) == typeof(int)) return (T)(object)int.MinValue;
            throw new NotSupportedException(typeof(T).Name);
        }
    }

    private void SiftUp(int i, T score, int row)
    {
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            // The root holds the worst pair: move up while the new pair is worse than its parent.
            if (!Better(_scores[parent], _rows[parent], score, row)) break;
            _scores[i] = _scores[parent];
            _rows[i] = _rows[parent];
            i = parent;
        }
        _scores[i] = score;
        _rows[i] = row;
    }

    private void SiftDown(T score, int row)
    {
        var n = _count;
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= n) break;
            // Pick the worse child.
            if (child + 1 < n && Better(_scores[child], _rows[child], _scores[child + 1], _rows[child + 1])) child++;
            if (!Better(score, row, _scores[child], _rows[child])) break;
            _scores[i] = _scores[child];
            _rows[i] = _rows[child];
            i = child;
        }
        _scores[i] = score;
        _rows[i] = row;
    }
}

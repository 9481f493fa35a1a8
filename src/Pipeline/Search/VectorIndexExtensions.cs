namespace SosRap.Pipeline.Search;

/// <summary>Convenience overloads of <see cref="IVectorIndex"/> that allocate their result.</summary>
public static class VectorIndexExtensions
{
    /// <summary>The <paramref name="k"/> most similar vectors with their ids, best first (fewer when fewer qualify).</summary>
    public static SearchHit[] Search(this IVectorIndex index, ReadOnlySpan<float> query, int k, SearchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var n = Math.Min(k, Math.Max(1, index.Count));
        Span<int> rows = n <= 256 ? stackalloc int[n] : new int[n];
        Span<float> scores = n <= 256 ? stackalloc float[n] : new float[n];
        var found = index.Search(query, n, rows, scores, options);
        var hits = new SearchHit[found];
        for (var i = 0; i < found; i++) hits[i] = new SearchHit(index.GetId(rows[i]), rows[i], scores[i]);
        return hits;
    }
}

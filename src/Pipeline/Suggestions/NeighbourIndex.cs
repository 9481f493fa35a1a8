using System.Buffers;
using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Suggestions;

/// <summary>
/// Exact cosine search over labelled tf-idf vectors with an inverted index (one posting list per
/// feature). The vectors are L2-normalised, so the accumulated dot product is the cosine. Upsert
/// by report id marks the old entry dead and appends the new one, so feedback is searchable at
/// once. Not thread-safe for writers: the owning model serialises <see cref="Upsert"/> against searches.
/// Only word and compound-part features are indexed: character n-gram buckets are shared by a large
/// share of all reports, so their posting lists would dominate the search time while adding little to
/// which reports are nearest (the similarity is the lemma part of the cosine).
/// </summary>
internal sealed class NeighbourIndex(Func<int, bool>? indexed = null)
{
    /// <summary>
    /// In a history of at least <see cref="StopTermMinHistory"/> reports, query features whose posting list
    /// covers more than this share of it are skipped: their idf is low, so they add little to any
    /// similarity, while scanning them is most of the cost of a search (a lemma like "asiakas").
    /// </summary>
    public const double StopTermShare = 0.2;

    /// <summary>Histories smaller than this are searched exactly.</summary>
    public const int StopTermMinHistory = 5000;

    private readonly Func<int, bool> _indexed = indexed ?? (_ => true);

    private readonly List<string> _ids = [];
    private readonly List<int[]> _labels = [];
    private readonly List<SparseVector> _vectors = [];
    private readonly List<bool> _alive = [];
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<(int Doc, float Weight)>> _postings = [];

    /// <summary>Number of live entries.</summary>
    public int Count => _byId.Count;

    /// <summary>All entries ever added (dead ones included); the size of the score buffer.</summary>
    public int Capacity => _ids.Count;

    /// <summary>An index of word and part features of <paramref name="model"/> (n-gram buckets left out).</summary>
    public static NeighbourIndex For(TfidfModel model) => new(j => model.Vocabulary.Kind(j) != FeatureKind.CharNgram);

    public string Id(int doc) => _ids[doc];

    public int[] Labels(int doc) => _labels[doc];

    public SparseVector Vector(int doc) => _vectors[doc];

    public bool TryGet(string id, out int doc) => _byId.TryGetValue(id, out doc);

    /// <summary>Live entries in insertion order.</summary>
    public IEnumerable<int> LiveDocs()
    {
        for (var d = 0; d < _ids.Count; d++)
            if (_alive[d]) yield return d;
    }

    /// <summary>Adds or replaces the entry of <paramref name="id"/>.</summary>
    public void Upsert(string id, SparseVector vector, int[] labels)
    {
        if (_byId.TryGetValue(id, out var old)) _alive[old] = false;
        var doc = _ids.Count;
        _ids.Add(id);
        _labels.Add(labels);
        _vectors.Add(vector);
        _alive.Add(true);
        _byId[id] = doc;
        var idx = vector.Indices;
        var val = vector.Values;
        for (var i = 0; i < idx.Length; i++)
        {
            if (!_indexed(idx[i])) continue;
            if (!_postings.TryGetValue(idx[i], out var list)) _postings[idx[i]] = list = [];
            list.Add((doc, val[i]));
        }
    }

    /// <summary>The <paramref name="k"/> most similar live entries to <paramref name="query"/>, most similar first (ties by insertion order).</summary>
    public List<(int Doc, float Similarity)> Search(SparseVector query, int k)
    {
        var result = new List<(int Doc, float Similarity)>(k);
        if (query.IsEmpty || _ids.Count == 0) return result;
        var acc = ArrayPool<float>.Shared.Rent(_ids.Count);
        var touched = ArrayPool<int>.Shared.Rent(_ids.Count);
        var touchedCount = 0;
        // Pooled arrays come back dirty from other users; the accumulator must start at zero.
        Array.Clear(acc, 0, _ids.Count);
        try
        {
            var idx = query.Indices;
            var val = query.Values;
            var maxPostings = _ids.Count >= StopTermMinHistory ? (int)(StopTermShare * _ids.Count) : int.MaxValue;
            for (var i = 0; i < idx.Length; i++)
            {
                if (!_postings.TryGetValue(idx[i], out var list) || list.Count > maxPostings) continue;
                var q = val[i];
                foreach (var (doc, w) in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list))
                {
                    if (acc[doc] == 0f) touched[touchedCount++] = doc;
                    acc[doc] += q * w;
                }
            }

            // Bounded selection: keep the k best in a small sorted list (k is small, ~10).
            for (var t = 0; t < touchedCount; t++)
            {
                var doc = touched[t];
                var s = acc[doc];
                acc[doc] = 0f;
                if (!_alive[doc] || !(s > 0f)) continue;
                if (result.Count == k && !Better(s, doc, result[^1])) continue;
                var pos = result.Count;
                while (pos > 0 && Better(s, doc, result[pos - 1])) pos--;
                if (result.Count == k) result.RemoveAt(k - 1);
                result.Insert(pos, (doc, s));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(acc);
            ArrayPool<int>.Shared.Return(touched);
        }

        return result;
    }

    private static bool Better(float s, int doc, (int Doc, float Similarity) other) =>
        s > other.Similarity || (s == other.Similarity && doc < other.Doc);
}

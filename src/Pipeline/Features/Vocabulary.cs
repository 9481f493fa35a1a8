namespace SosRap.Pipeline.Features;

/// <summary>
/// The features of a fitted <see cref="TfidfModel"/>: for each feature id its kind, its text (the
/// lemma, the compound part, or one n-gram that falls in the hashed bucket) and its document
/// frequency in the fitting corpus. Ids are ordered by kind (words, parts, n-gram buckets), then by
/// text (ordinal) or bucket number, so they do not depend on the order of the corpus.
/// Immutable and thread-safe; lookups by span allocate nothing.
/// </summary>
public sealed class Vocabulary
{
    private readonly string[] _terms;
    private readonly FeatureKind[] _kinds;
    private readonly int[] _documentFrequencies;
    private readonly int[] _buckets;
    private readonly Dictionary<string, int> _words;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordsBySpan;
    private readonly Dictionary<string, int> _parts;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _partsBySpan;

    // bucket → feature id, or -1 when the bucket was not kept; empty without n-grams.
    private readonly int[] _bucketToId;

    internal Vocabulary(string[] terms, FeatureKind[] kinds, int[] documentFrequencies, int[] buckets, int documentCount, int ngramBucketCount)
    {
        if (terms.Length != kinds.Length || terms.Length != documentFrequencies.Length || terms.Length != buckets.Length)
            throw new ArgumentException("Vocabulary arrays differ in length.");
        _terms = terms;
        _kinds = kinds;
        _documentFrequencies = documentFrequencies;
        _buckets = buckets;
        DocumentCount = documentCount;
        _words = new Dictionary<string, int>(StringComparer.Ordinal);
        _parts = new Dictionary<string, int>(StringComparer.Ordinal);
        _bucketToId = ngramBucketCount > 0 ? new int[ngramBucketCount] : [];
        Array.Fill(_bucketToId, -1);
        for (var id = 0; id < terms.Length; id++)
        {
            if (id > 0 && Compare(id - 1, id) >= 0)
                throw new InvalidDataException($"Vocabulary ids are out of order at {id}.");
            switch (kinds[id])
            {
                case FeatureKind.Word:
                    _words.Add(terms[id], id);
                    break;
                case FeatureKind.Part:
                    _parts.Add(terms[id], id);
                    break;
                case FeatureKind.CharNgram:
                    if ((uint)buckets[id] >= (uint)_bucketToId.Length)
                        throw new InvalidDataException($"n-gram bucket {buckets[id]} lies outside the {_bucketToId.Length} buckets.");
                    _bucketToId[buckets[id]] = id;
                    break;
                default:
                    throw new InvalidDataException($"Unknown feature kind {(int)kinds[id]}.");
            }
        }

        _wordsBySpan = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _partsBySpan = _parts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of features.</summary>
    public int Count => _terms.Length;

    /// <summary>Number of documents the vocabulary was fitted on.</summary>
    public int DocumentCount { get; }

    /// <summary>Number of n-gram hash buckets (0 without n-grams).</summary>
    public int NgramBucketCount => _bucketToId.Length;

    /// <summary>The text of a feature: lemma, part, or the first n-gram seen in its bucket (e.g. <c>&lt;kaj</c>).</summary>
    public string Term(int id) => _terms[id];

    /// <summary>The kind of a feature.</summary>
    public FeatureKind Kind(int id) => _kinds[id];

    /// <summary>In how many fitting documents the feature occurred.</summary>
    public int DocumentFrequency(int id) => _documentFrequencies[id];

    /// <summary>The hash bucket of an n-gram feature; -1 for other kinds.</summary>
    public int Bucket(int id) => _buckets[id];

    /// <summary>The id of a lemma (or, with shared parts, a part); lemmas are lower-cased.</summary>
    public bool TryGetWord(ReadOnlySpan<char> lemma, out int id) => _wordsBySpan.TryGetValue(lemma, out id);

    /// <summary>The id of a lemma; the string overload skips the span hashing detour.</summary>
    public bool TryGetWord(string lemma, out int id) => _words.TryGetValue(lemma, out id);

    /// <summary>The id of a compound part kept as its own feature (<see cref="CompoundPartMode.Separate"/>).</summary>
    public bool TryGetPart(ReadOnlySpan<char> part, out int id) => _partsBySpan.TryGetValue(part, out id);

    /// <summary>The id of a compound part kept as its own feature; string overload.</summary>
    public bool TryGetPart(string part, out int id) => _parts.TryGetValue(part, out id);

    /// <summary>The id of an n-gram hash bucket, when it was kept.</summary>
    public bool TryGetBucket(int bucket, out int id)
    {
        id = (uint)bucket < (uint)_bucketToId.Length ? _bucketToId[bucket] : -1;
        return id >= 0;
    }

    internal ReadOnlySpan<int> DocumentFrequencies => _documentFrequencies;

    internal ReadOnlySpan<int> BucketToId => _bucketToId;

    private int Compare(int a, int b)
    {
        var byKind = _kinds[a].CompareTo(_kinds[b]);
        if (byKind != 0) return byKind;
        return _kinds[a] == FeatureKind.CharNgram ? _buckets[a].CompareTo(_buckets[b]) : string.CompareOrdinal(_terms[a], _terms[b]);
    }
}

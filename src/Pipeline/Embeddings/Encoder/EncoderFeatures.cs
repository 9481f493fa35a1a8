using System.Runtime.CompilerServices;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Embeddings.Encoder;

/// <summary>
/// The fitted mapping from analysed terms to rows of the encoder's embedding table, and the weight
/// of each row in a text: the one definition that training and inference share.
/// <para>
/// Rows <c>[0, V)</c> are the vocabulary (lemmas and compound parts seen in at least
/// <see cref="EncoderFeatureOptions.MinCount"/> training texts); rows <c>[V, V + B)</c> are the n-gram
/// buckets. A term contributes up to three kinds of groups: its lemma's row and each known compound
/// part's row (weight 1 each), and all its known n-gram buckets together (weight
/// <see cref="EncoderFeatureOptions.NgramWeight"/>, each n-gram 1/k of it; the whole term when nothing
/// else is known), normalised to sum to 1 within the term. A bucket is known when some training lemma hashed to it, so
/// n-grams never seen in training are ignored rather than read as untrained noise. Term weights
/// (<see cref="EncoderTermWeighting"/>) then scale each term, and pooling normalises the sum
/// (<see cref="EncoderPooling"/>). The resulting per-row weights are what torch's
/// <c>EmbeddingBag(mode=sum, per_sample_weights)</c> and the C# inference both consume.
/// </para>
/// Immutable and thread-safe.
/// </summary>
public sealed class EncoderFeatures
{
    /// <summary>Lemmas longer than this (in UTF-16 units) get no character n-grams (URLs, noise).</summary>
    public const int MaxNgramWordLength = 64;

    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    private readonly string[] _vocabulary;
    private readonly Dictionary<string, int> _index;
    private readonly float[] _termWeights;
    private readonly byte[] _knownBuckets;

    /// <summary>Creates the mapping from its parts (as read from an encoder file); see <see cref="Build"/> to fit one.</summary>
    /// <param name="options">Feature options; validated here.</param>
    /// <param name="vocabulary">Vocabulary words in row order; unique.</param>
    /// <param name="termWeights">Weight of each vocabulary word as a term (length of the vocabulary).</param>
    /// <param name="outOfVocabularyWeight">Weight of a term whose lemma is not in the vocabulary.</param>
    /// <param name="knownBuckets">One byte per bucket, 1 when the bucket is used (empty when n-grams are off).</param>
    public EncoderFeatures(EncoderFeatureOptions options, IReadOnlyList<string> vocabulary, ReadOnlySpan<float> termWeights,
        float outOfVocabularyWeight, ReadOnlySpan<byte> knownBuckets)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(vocabulary);
        Options = options.Validate();
        if (termWeights.Length != vocabulary.Count)
            throw new ArgumentException($"termWeights has {termWeights.Length} values for {vocabulary.Count} vocabulary words.", nameof(termWeights));
        if (knownBuckets.Length != (options.Ngrams ? options.Buckets : 0))
            throw new ArgumentException($"knownBuckets has {knownBuckets.Length} values; expected {(options.Ngrams ? options.Buckets : 0)}.", nameof(knownBuckets));
        if (!float.IsFinite(outOfVocabularyWeight) || outOfVocabularyWeight < 0)
            throw new ArgumentOutOfRangeException(nameof(outOfVocabularyWeight), outOfVocabularyWeight, "The weight must be finite and non-negative.");
        foreach (var w in termWeights)
        {
            if (!float.IsFinite(w) || w < 0)
                throw new ArgumentException("Term weights must be finite and non-negative.", nameof(termWeights));
        }

        _vocabulary = [.. vocabulary];
        _index = new Dictionary<string, int>(_vocabulary.Length, StringComparer.Ordinal);
        for (var i = 0; i < _vocabulary.Length; i++)
        {
            if (string.IsNullOrEmpty(_vocabulary[i]))
                throw new ArgumentException($"Vocabulary word {i} is empty.", nameof(vocabulary));
            if (!_index.TryAdd(_vocabulary[i], i))
                throw new ArgumentException($"Vocabulary word {i} occurs more than once.", nameof(vocabulary));
        }

        _termWeights = termWeights.ToArray();
        _knownBuckets = knownBuckets.ToArray();
        OutOfVocabularyWeight = outOfVocabularyWeight;
        foreach (var b in _knownBuckets)
        {
            if (b > 1)
                throw new ArgumentException("Known-bucket flags must be 0 or 1.", nameof(knownBuckets));
            KnownBucketCount += b;
        }
    }

    /// <summary>The options the mapping was built with.</summary>
    public EncoderFeatureOptions Options { get; }

    /// <summary>Vocabulary words in row order.</summary>
    public IReadOnlyList<string> Vocabulary => _vocabulary;

    /// <summary>Weight of each vocabulary word as a term.</summary>
    public ReadOnlySpan<float> TermWeights => _termWeights;

    /// <summary>Weight of a term whose lemma is not in the vocabulary.</summary>
    public float OutOfVocabularyWeight { get; }

    /// <summary>One byte per n-gram bucket: 1 when training lemmas used it.</summary>
    public ReadOnlySpan<byte> KnownBuckets => _knownBuckets;

    /// <summary>How many buckets are used.</summary>
    public int KnownBucketCount { get; }

    /// <summary>Rows of the embedding table: vocabulary, then buckets.</summary>
    public int RowCount => _vocabulary.Length + _knownBuckets.Length;

    /// <summary>
    /// Fits the vocabulary, term weights and used buckets to a training corpus. Deterministic: the
    /// vocabulary is ordered by document frequency, then ordinally.
    /// </summary>
    public static EncoderFeatures Build(IEnumerable<AnalyzedText> corpus, EncoderFeatureOptions options)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var known = new byte[options.Ngrams ? options.Buckets : 0];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var documents = 0;
        foreach (var text in corpus)
        {
            documents++;
            seen.Clear();
            foreach (var term in text.Terms)
            {
                seen.Add(term.Lemma);
                if (options.CompoundParts)
                {
                    foreach (var part in term.Parts)
                    {
                        if (part.Length > 0) seen.Add(part);
                    }
                }

                if (options.Ngrams) MarkBuckets(term.Lemma, options, known);
            }

            foreach (var word in seen) df[word] = df.GetValueOrDefault(word) + 1;
        }

        var words = df.Where(p => p.Value >= options.MinCount)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(options.MaxVocabulary).ToArray();
        var vocabulary = new string[words.Length];
        var weights = new float[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            vocabulary[i] = words[i].Key;
            weights[i] = options.TermWeighting == EncoderTermWeighting.Idf ? Idf(documents, words[i].Value) : 1f;
        }

        var oov = options.TermWeighting == EncoderTermWeighting.Idf ? Idf(documents, 0) : 1f;
        return new EncoderFeatures(options, vocabulary, weights, oov, known);
    }

    /// <summary>Row of a vocabulary word, or -1.</summary>
    public int RowOf(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _index.TryGetValue(word, out var row) ? row : -1;
    }

    /// <summary>Weight of a term with this lemma.</summary>
    public float TermWeight(string lemma) =>
        _index.TryGetValue(lemma, out var row) ? _termWeights[row] : OutOfVocabularyWeight;

    /// <summary>An upper bound on the number of (row, weight) pairs <see cref="Featurize"/> writes for these terms.</summary>
    public int MaxFeatureCount(IReadOnlyList<AnalyzedTerm> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var total = 0;
        for (var t = 0; t < terms.Count; t++) total += MaxTermFeatureCount(terms[t].Lemma, terms[t].Parts);
        return total;
    }

    /// <summary>
    /// Writes the rows of a text and their weights; the text's pooled vector is
    /// <c>Σ weights[i] · table[rows[i]]</c>. Rows may repeat (a repeated word counts again).
    /// </summary>
    /// <param name="terms">The text's terms, in text order.</param>
    /// <param name="keep">Empty to use every term, else one flag per term (a training view leaves some out).</param>
    /// <param name="rows">Receives the rows; at least <see cref="MaxFeatureCount"/> long.</param>
    /// <param name="weights">Receives the weights; as long as <paramref name="rows"/>.</param>
    /// <returns>How many pairs were written; 0 when no term has a known row (the text has no vector).</returns>
    public int Featurize(IReadOnlyList<AnalyzedTerm> terms, ReadOnlySpan<bool> keep, Span<int> rows, Span<float> weights)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (!keep.IsEmpty && keep.Length != terms.Count)
            throw new ArgumentException($"keep has {keep.Length} flags for {terms.Count} terms.", nameof(keep));
        if (weights.Length < rows.Length)
            throw new ArgumentException("weights must be at least as long as rows.", nameof(weights));
        var total = 0;
        double sum = 0, sumOfSquares = 0;
        for (var t = 0; t < terms.Count; t++)
        {
            if (!keep.IsEmpty && !keep[t]) continue;
            var term = terms[t];
            var count = AppendTerm(term.Lemma, term.Parts, rows[total..], weights[total..]);
            if (count == 0) continue;
            var w = TermWeight(term.Lemma);
            if (w == 0) continue;
            foreach (ref var x in weights.Slice(total, count)) x *= w;
            sum += w;
            sumOfSquares += (double)w * w;
            total += count;
        }

        if (total == 0) return 0;
        var scale = (float)(1.0 / (Options.Pooling == EncoderPooling.Mean ? sum : Math.Sqrt(sumOfSquares)));
        foreach (ref var x in weights[..total]) x *= scale;
        return total;
    }

    /// <summary>
    /// FNV-1a, 32 bits, over the UTF-16LE bytes of <paramref name="ngram"/>: the n-gram hash of the
    /// encoder file format (bucket = hash mod <see cref="EncoderFeatureOptions.Buckets"/>).
    /// </summary>
    public static uint Hash(ReadOnlySpan<char> ngram)
    {
        var h = FnvOffset;
        foreach (var c in ngram) h = Step(Step(h, (byte)c), (byte)(c >> 8));
        return h;
    }

    private static float Idf(int documents, int df) => (float)(Math.Log((1.0 + documents) / (1.0 + df)) + 1.0);

    private int MaxTermFeatureCount(string lemma, IReadOnlyList<string> parts)
    {
        var count = 1 + (Options.CompoundParts ? parts.Count : 0);
        if (Options.Ngrams && lemma.Length <= MaxNgramWordLength)
        {
            var width = lemma.Length + 2;
            for (var n = Options.MinNgram; n <= Options.MaxNgram; n++) count += Math.Max(0, width - n + 1);
        }

        return count;
    }

    // One term: its lemma row, its known parts' rows and its known n-gram buckets. The lemma and
    // each part are a group of weight 1, the n-grams together a group of weight NgramWeight (the
    // whole term when nothing else is known); the term's weights sum to 1.
    private int AppendTerm(string lemma, IReadOnlyList<string> parts, Span<int> rows, Span<float> weights)
    {
        var n = 0;
        if (_index.TryGetValue(lemma, out var row))
        {
            rows[n] = row;
            weights[n++] = 1f;
        }

        if (Options.CompoundParts)
        {
            for (var p = 0; p < parts.Count; p++)
            {
                var part = parts[p];
                if (!string.Equals(part, lemma, StringComparison.Ordinal) && _index.TryGetValue(part, out row))
                {
                    rows[n] = row;
                    weights[n++] = 1f;
                }
            }
        }

        var words = n;
        if (Options.Ngrams && lemma.Length <= MaxNgramWordLength)
        {
            var width = lemma.Length + 2;
            var buckets = (uint)_knownBuckets.Length;
            for (var size = Options.MinNgram; size <= Options.MaxNgram; size++)
            {
                for (var i = 0; i + size <= width; i++)
                {
                    var bucket = (int)(NgramHash(lemma, i, size) % buckets);
                    if (_knownBuckets[bucket] != 0) rows[n++] = _vocabulary.Length + bucket;
                }
            }

            var k = n - words;
            if (k > 0)
            {
                var group = words == 0 ? 1f : Options.NgramWeight;
                if (group == 0)
                {
                    n = words;
                }
                else
                {
                    weights.Slice(words, k).Fill(group / k);
                }
            }
        }

        if (n == 0) return 0;
        var total = words + (n > words ? (words == 0 ? 1f : Options.NgramWeight) : 0f);
        if (total != 1f)
        {
            var inverse = 1f / total;
            foreach (ref var x in weights[..n]) x *= inverse;
        }

        return n;
    }

    private static void MarkBuckets(string lemma, EncoderFeatureOptions options, byte[] known)
    {
        if (lemma.Length > MaxNgramWordLength) return;
        var width = lemma.Length + 2;
        for (var size = options.MinNgram; size <= options.MaxNgram; size++)
        {
            for (var i = 0; i + size <= width; i++) known[NgramHash(lemma, i, size) % (uint)known.Length] = 1;
        }
    }

    // Hash of the n-gram at [start, start + size) of "<" + lemma + ">", without building the string.
    private static uint NgramHash(string lemma, int start, int size)
    {
        var h = FnvOffset;
        var last = lemma.Length + 1;
        for (var k = start; k < start + size; k++)
        {
            var c = k == 0 ? '<' : k == last ? '>' : lemma[k - 1];
            h = Step(Step(h, (byte)c), (byte)(c >> 8));
        }

        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Step(uint h, byte b) => (h ^ b) * FnvPrime;
}

using System.Buffers;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Features;

/// <summary>
/// A fitted sparse featurizer: turns an analysed text into an L2-normalised tf-idf (or BM25) vector
/// over lemmas, compound parts and hashed character n-grams of unknown words. Made by
/// <see cref="TfidfEstimator.Fit"/> or <see cref="Load"/>; immutable and thread-safe.
/// <para>
/// One text: every content word adds 1 to its lemma's feature; each compound part adds
/// <see cref="TfidfOptions.PartWeight"/> (to the lemma of the same spelling, or to a part feature);
/// a word the dictionary did not know adds <see cref="TfidfOptions.NgramWeight"/> to the bucket of
/// each of its character n-grams. The summed counts are weighted (<see cref="TermWeighting"/>) with
/// the document frequencies of the fitting corpus and the vector is scaled to unit length. Words
/// the vocabulary does not hold are skipped; a text with none of its features gives an empty vector.
/// </para>
/// </summary>
public sealed class TfidfModel
{
    internal const string Magic = "SOSRAPTF";
    internal const int FormatVersion = 1;
    internal const string FileDescription = "TF-IDF-malli";

    private readonly TfidfOptions _options;
    private readonly float[] _idf;
    private readonly float _bm25K1;
    private readonly float _bm25B;
    private readonly float _averageLength;
    private readonly int _bucketMask;

    internal TfidfModel(TfidfOptions options, Vocabulary vocabulary, double averageDocumentLength)
    {
        _options = options.Validate();
        Vocabulary = vocabulary;
        AverageDocumentLength = averageDocumentLength;
        _averageLength = averageDocumentLength > 0 ? (float)averageDocumentLength : 1f;
        _bm25K1 = (float)options.Bm25K1;
        _bm25B = (float)options.Bm25B;
        _bucketMask = (1 << options.NgramHashBits) - 1;
        if (options.CharNgrams != CharNgramScope.None && vocabulary.NgramBucketCount != 1 << options.NgramHashBits)
            throw new InvalidDataException($"The vocabulary has {vocabulary.NgramBucketCount} n-gram buckets, the options ask for {1 << options.NgramHashBits}.");
        _idf = new float[vocabulary.Count];
        var n = (double)vocabulary.DocumentCount;
        var df = vocabulary.DocumentFrequencies;
        for (var id = 0; id < _idf.Length; id++)
        {
            _idf[id] = (float)(options.Weighting switch
            {
                TermWeighting.Bm25 => Math.Log(1 + ((n - df[id] + 0.5) / (df[id] + 0.5))),
                _ when options.SmoothIdf => Math.Log((1 + n) / (1 + df[id])) + 1,
                _ => Math.Log(n / df[id]) + 1,
            });
        }
    }

    /// <summary>The options the model was fitted with.</summary>
    public TfidfOptions Options => _options;

    /// <summary>The features and their document frequencies.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>Number of features (the width of every vector).</summary>
    public int FeatureCount => _idf.Length;

    /// <summary>Mean number of content words per fitting document (BM25's <c>avglen</c>).</summary>
    public double AverageDocumentLength { get; }

    /// <summary>The inverse document frequency of a feature, as used in the weights.</summary>
    public float Idf(int id) => _idf[id];

    /// <summary>An upper bound on the entries of <see cref="Transform(AnalyzedText)"/> for this text (a buffer size).</summary>
    public int GetMaxEntryCount(AnalyzedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = text.Terms;
        var count = 0;
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            count += 1;
            if (_options.CompoundParts != CompoundPartMode.None) count += term.Parts.Count;
            if (UsesNgrams(term)) count += CharNgrams.Count(term.Lemma.Length, _options.MinNgramLength, _options.MaxNgramLength);
        }

        return count;
    }

    /// <summary>The L2-normalised feature vector of an analysed text (empty when no feature is known).</summary>
    public SparseVector Transform(AnalyzedText text)
    {
        var max = GetMaxEntryCount(text);
        if (max == 0) return SparseVector.Empty;
        var ids = ArrayPool<int>.Shared.Rent(max);
        var values = ArrayPool<float>.Shared.Rent(max);
        try
        {
            var n = TransformCore(text, ids, values);
            return SparseVector.Own(ids.AsSpan(0, n).ToArray(), values.AsSpan(0, n).ToArray());
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ids);
            ArrayPool<float>.Shared.Return(values);
        }
    }

    /// <summary>
    /// Writes the vector of an analysed text into caller buffers (sorted indices, values) without
    /// allocating; buffers of <see cref="GetMaxEntryCount"/> entries always suffice.
    /// </summary>
    /// <returns>The number of entries written.</returns>
    /// <exception cref="ArgumentException">The buffers are shorter than the vector.</exception>
    public int Transform(AnalyzedText text, Span<int> indices, Span<float> values)
    {
        var max = GetMaxEntryCount(text);
        if (max == 0) return 0;
        if (indices.Length >= max && values.Length >= max) return TransformCore(text, indices, values);
        var ids = ArrayPool<int>.Shared.Rent(max);
        var weights = ArrayPool<float>.Shared.Rent(max);
        try
        {
            var n = TransformCore(text, ids, weights);
            if (indices.Length < n || values.Length < n)
                throw new ArgumentException($"The vector has {n} entries; the buffers hold {Math.Min(indices.Length, values.Length)}.", nameof(indices));
            ids.AsSpan(0, n).CopyTo(indices);
            weights.AsSpan(0, n).CopyTo(values);
            return n;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ids);
            ArrayPool<float>.Shared.Return(weights);
        }
    }

    /// <summary>The vectors of a corpus as the rows of one CSR matrix (<see cref="FeatureCount"/> columns).</summary>
    public SparseMatrix Transform(IReadOnlyList<AnalyzedText> corpus, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var builder = new SparseMatrixBuilder(corpus.Count, corpus.Count * 32);
        int[] ids = [];
        float[] values = [];
        for (var i = 0; i < corpus.Count; i++)
        {
            if ((i & 255) == 0) cancellationToken.ThrowIfCancellationRequested();
            var max = GetMaxEntryCount(corpus[i]);
            if (ids.Length < max)
            {
                ids = new int[Math.Max(max, ids.Length * 2)];
                values = new float[ids.Length];
            }

            var n = max == 0 ? 0 : TransformCore(corpus[i], ids, values);
            builder.AddRow(ids.AsSpan(0, n), values.AsSpan(0, n));
        }

        return builder.Build(FeatureCount);
    }

    /// <summary>
    /// The words behind the similarity of two vectors of this model: the lemmas (and parts) they share,
    /// by their contribution <c>a_j · b_j</c> to the cosine, largest first (ties by feature id).
    /// n-gram buckets are left out (they name no word). Evidence for a suggestion or a match.
    /// </summary>
    public IReadOnlyList<(string Term, float Contribution)> SharedTerms(SparseVector a, SparseVector b, int count)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var shared = new List<(int Id, float Contribution)>();
        var ai = a.Indices;
        var bi = b.Indices;
        int i = 0, j = 0;
        while (i < ai.Length && j < bi.Length)
        {
            if (ai[i] == bi[j])
            {
                if (ai[i] < FeatureCount && Vocabulary.Kind(ai[i]) != FeatureKind.CharNgram)
                    shared.Add((ai[i], a.Values[i] * b.Values[j]));
                i++;
                j++;
            }
            else if (ai[i] < bi[j]) i++;
            else j++;
        }

        shared.Sort((x, y) => x.Contribution != y.Contribution ? y.Contribution.CompareTo(x.Contribution) : x.Id.CompareTo(y.Id));
        var result = new List<(string, float)>(Math.Min(count, shared.Count));
        for (var k = 0; k < shared.Count && result.Count < count; k++)
        {
            if (shared[k].Contribution > 0) result.Add((Vocabulary.Term(shared[k].Id), shared[k].Contribution));
        }

        return result;
    }

    /// <summary>Saves the model atomically in SosRap's versioned binary format.</summary>
    public Task SaveAsync(string path, CancellationToken cancellationToken = default) =>
        ModelFile.SaveAsync(path, Magic, FormatVersion, Write, cancellationToken);

    /// <summary>Loads a model saved by <see cref="SaveAsync"/>.</summary>
    /// <exception cref="InputException">The file is not a TF-IDF model, has another format version, or is truncated or corrupted.</exception>
    public static TfidfModel Load(string path) => ModelFile.Load(path, Magic, FileDescription, FormatVersion, Read);

    internal int TransformCore(AnalyzedText text, Span<int> ids, Span<float> values)
    {
        var n = Collect(text, ids, values);
        return Weigh(ids, values, n, text.Terms.Count);
    }

    /// <summary>Unsorted (feature, count) pairs of a text; ids and counts hold at least <see cref="GetMaxEntryCount"/>.</summary>
    internal int Collect(AnalyzedText text, Span<int> ids, Span<float> counts)
    {
        var vocabulary = Vocabulary;
        var terms = text.Terms;
        var parts = _options.CompoundParts;
        var partWeight = _options.PartWeight;
        var k = 0;
        Span<uint> hashes = stackalloc uint[256];
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            if (vocabulary.TryGetWord(term.Lemma, out var id))
            {
                ids[k] = id;
                counts[k++] = 1f;
            }

            if (parts != CompoundPartMode.None)
            {
                var list = term.Parts;
                for (var p = 0; p < list.Count; p++)
                {
                    var found = parts == CompoundPartMode.Shared ? vocabulary.TryGetWord(list[p], out id) : vocabulary.TryGetPart(list[p], out id);
                    if (found)
                    {
                        ids[k] = id;
                        counts[k++] = partWeight;
                    }
                }
            }

            if (UsesNgrams(term))
            {
                var lemma = term.Lemma.AsSpan();
                var needed = CharNgrams.Count(lemma.Length, _options.MinNgramLength, _options.MaxNgramLength);
                // Words of 80+ letters (pasted URLs, strings of letters) rent a buffer; nothing else allocates.
                var rented = needed > hashes.Length ? ArrayPool<uint>.Shared.Rent(needed) : null;
                var buffer = rented ?? hashes;
                var h = CharNgrams.Hash(lemma, _options.MinNgramLength, _options.MaxNgramLength, buffer);
                var weight = _options.NgramWeight;
                for (var g = 0; g < h; g++)
                {
                    if (vocabulary.TryGetBucket((int)(buffer[g] & (uint)_bucketMask), out id))
                    {
                        ids[k] = id;
                        counts[k++] = weight;
                    }
                }

                if (rented is not null) ArrayPool<uint>.Shared.Return(rented);
            }
        }

        return k;
    }

    /// <summary>Sorts and merges (feature, count) pairs in place, weights them and scales to unit length; returns the entry count.</summary>
    internal int Weigh(Span<int> ids, Span<float> values, int count, int documentLength)
    {
        if (count == 0) return 0;
        ids = ids[..count];
        values = values[..count];
        ids.Sort(values);
        var m = 0;
        for (var i = 0; i < count; i++)
        {
            if (m > 0 && ids[m - 1] == ids[i])
            {
                values[m - 1] += values[i];
            }
            else
            {
                ids[m] = ids[i];
                values[m] = values[i];
                m++;
            }
        }

        var sum = 0d;
        if (_options.Weighting == TermWeighting.Bm25)
        {
            var k1 = _bm25K1;
            var lengthNorm = k1 * (1 - _bm25B + (_bm25B * documentLength / _averageLength));
            for (var j = 0; j < m; j++)
            {
                var c = values[j];
                var w = c * (k1 + 1) / (c + lengthNorm) * _idf[ids[j]];
                values[j] = w;
                sum += (double)w * w;
            }
        }
        else
        {
            var sublinear = _options.SublinearTf;
            for (var j = 0; j < m; j++)
            {
                var c = values[j];
                var tf = sublinear && c > 1f ? 1f + MathF.Log(c) : c;
                var w = tf * _idf[ids[j]];
                values[j] = w;
                sum += (double)w * w;
            }
        }

        if (sum > 0)
        {
            var scale = (float)(1 / Math.Sqrt(sum));
            for (var j = 0; j < m; j++) values[j] *= scale;
        }

        return m;
    }

    private bool UsesNgrams(in AnalyzedTerm term) => _options.CharNgrams switch
    {
        CharNgramScope.AllWords => true,
        CharNgramScope.FallbackWords => term.Source == LemmaSource.Fallback,
        _ => false,
    };

    internal void Write(BinaryWriter w)
    {
        var o = _options;
        w.Write((int)o.Weighting);
        w.Write(o.SublinearTf);
        w.Write(o.SmoothIdf);
        w.Write(o.Bm25K1);
        w.Write(o.Bm25B);
        w.Write(o.MinDocumentFrequency);
        w.Write(o.MaxDocumentFrequency);
        w.Write(o.MaxFeatures);
        w.Write((int)o.CompoundParts);
        w.Write(o.PartWeight);
        w.Write((int)o.CharNgrams);
        w.Write(o.MinNgramLength);
        w.Write(o.MaxNgramLength);
        w.Write(o.NgramHashBits);
        w.Write(o.NgramWeight);
        w.Write(Vocabulary.DocumentCount);
        w.Write(AverageDocumentLength);
        w.Write(Vocabulary.NgramBucketCount);
        w.Write(Vocabulary.Count);
        for (var id = 0; id < Vocabulary.Count; id++)
        {
            w.Write((byte)Vocabulary.Kind(id));
            w.Write(Vocabulary.Term(id));
            w.Write(Vocabulary.DocumentFrequency(id));
            w.Write(Vocabulary.Bucket(id));
        }
    }

    internal static TfidfModel Read(BinaryReader r)
    {
        var options = new TfidfOptions
        {
            Weighting = (TermWeighting)r.ReadInt32(),
            SublinearTf = r.ReadBoolean(),
            SmoothIdf = r.ReadBoolean(),
            Bm25K1 = r.ReadDouble(),
            Bm25B = r.ReadDouble(),
            MinDocumentFrequency = r.ReadInt32(),
            MaxDocumentFrequency = r.ReadDouble(),
            MaxFeatures = r.ReadInt32(),
            CompoundParts = (CompoundPartMode)r.ReadInt32(),
            PartWeight = r.ReadSingle(),
            CharNgrams = (CharNgramScope)r.ReadInt32(),
            MinNgramLength = r.ReadInt32(),
            MaxNgramLength = r.ReadInt32(),
            NgramHashBits = r.ReadInt32(),
            NgramWeight = r.ReadSingle(),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new InvalidDataException(e.Message, e);
        }

        var documentCount = r.ReadInt32();
        var averageLength = r.ReadDouble();
        var buckets = r.ReadInt32();
        if (documentCount < 0 || !double.IsFinite(averageLength) || buckets < 0 || buckets > 1 << 24)
            throw new InvalidDataException("mallin otsaketiedot ovat ristiriitaiset");
        var count = ModelFile.ReadCount(r, 10, "piirteiden määrä");
        var terms = new string[count];
        var kinds = new FeatureKind[count];
        var df = new int[count];
        var bucketOf = new int[count];
        for (var id = 0; id < count; id++)
        {
            kinds[id] = (FeatureKind)r.ReadByte();
            terms[id] = r.ReadString();
            df[id] = r.ReadInt32();
            bucketOf[id] = r.ReadInt32();
            if (df[id] < 1 || df[id] > documentCount)
                throw new InvalidDataException($"piirteen {id} dokumenttifrekvenssi {df[id]} ei ole välillä 1–{documentCount}");
        }

        return new TfidfModel(options, new Vocabulary(terms, kinds, df, bucketOf, documentCount, buckets), averageLength);
    }
}

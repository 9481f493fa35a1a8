using System.Runtime.InteropServices;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Features;

/// <summary>
/// One pass over a corpus for <see cref="TfidfEstimator"/>: gives every lemma, part and n-gram bucket
/// a provisional id in order of first sight, counts document frequencies and, when asked, keeps each
/// text's (provisional id, count) row so the final matrix needs no second pass over the texts.
/// </summary>
internal sealed class CorpusCounter
{
    private readonly TfidfOptions _options;
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _parts = new(StringComparer.Ordinal);
    private readonly int[] _bucketIds;
    private readonly int _bucketMask;
    private readonly List<string> _terms = [];
    private readonly List<FeatureKind> _kinds = [];
    private readonly List<int> _buckets = [];
    private readonly List<int> _documentFrequencies = [];
    private readonly SparseMatrixBuilder? _rows;
    private readonly List<int>? _lengths;
    private int[] _ids = new int[256];
    private float[] _counts = new float[256];
    private long _totalLength;
    private int _documents;

    public CorpusCounter(TfidfOptions options, bool keepRows)
    {
        _options = options;
        _bucketIds = options.CharNgrams == CharNgramScope.None ? [] : new int[1 << options.NgramHashBits];
        Array.Fill(_bucketIds, -1);
        _bucketMask = (1 << options.NgramHashBits) - 1;
        if (keepRows)
        {
            _rows = new SparseMatrixBuilder(1024, 1 << 16);
            _lengths = [];
        }
    }

    public void AddAll(IEnumerable<AnalyzedText> corpus, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        foreach (var text in corpus)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(corpus));
            Add(text);
            if (_documents % 1000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(_documents);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report(_documents);
    }

    public void Add(AnalyzedText text)
    {
        var terms = text.Terms;
        var k = 0;
        Span<char> gram = stackalloc char[_options.MaxNgramLength];
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            Append(ref k, WordId(term.Lemma, FeatureKind.Word), 1f);
            if (_options.CompoundParts != CompoundPartMode.None)
            {
                var parts = term.Parts;
                for (var p = 0; p < parts.Count; p++)
                {
                    var id = _options.CompoundParts == CompoundPartMode.Shared ? WordId(parts[p], FeatureKind.Word) : WordId(parts[p], FeatureKind.Part);
                    Append(ref k, id, _options.PartWeight);
                }
            }

            if (_options.CharNgrams == CharNgramScope.AllWords || (_options.CharNgrams == CharNgramScope.FallbackWords && term.Source == LemmaSource.Fallback))
            {
                var word = term.Lemma.AsSpan();
                var padded = word.Length + 2;
                for (var n = _options.MinNgramLength; n <= _options.MaxNgramLength && n <= padded; n++)
                {
                    for (var start = 0; start + n <= padded; start++)
                    {
                        for (var c = 0; c < n; c++)
                        {
                            var at = start + c;
                            gram[c] = at == 0 ? CharNgrams.Start : at == padded - 1 ? CharNgrams.End : word[at - 1];
                        }

                        Append(ref k, BucketId(gram[..n]), _options.NgramWeight);
                    }
                }
            }
        }

        // Sort and merge so each feature counts once towards its document frequency.
        var ids = _ids.AsSpan(0, k);
        var counts = _counts.AsSpan(0, k);
        ids.Sort(counts);
        var m = 0;
        for (var i = 0; i < k; i++)
        {
            if (m > 0 && ids[m - 1] == ids[i])
            {
                counts[m - 1] += counts[i];
                continue;
            }

            ids[m] = ids[i];
            counts[m] = counts[i];
            m++;
            CollectionsMarshal.AsSpan(_documentFrequencies)[ids[i]]++;
        }

        _rows?.AddRow(ids[..m], counts[..m]);
        _lengths?.Add(terms.Count);
        _totalLength += terms.Count;
        _documents++;
    }

    /// <summary>Chooses the features, orders them and makes the model; <paramref name="remap"/> maps provisional ids to final ones (-1 = dropped).</summary>
    public TfidfModel Finish(out int[] remap)
    {
        var maxDf = _options.MaxDocumentFrequency >= 1 ? int.MaxValue : (int)Math.Floor(_options.MaxDocumentFrequency * _documents);
        var kept = new List<int>(_terms.Count);
        for (var id = 0; id < _terms.Count; id++)
        {
            var df = _documentFrequencies[id];
            if (df >= _options.MinDocumentFrequency && df <= maxDf) kept.Add(id);
        }

        if (kept.Count > _options.MaxFeatures)
        {
            // The most frequent survive; ties are broken by kind and text so the choice does not depend on corpus order.
            kept.Sort((a, b) =>
            {
                var byDf = _documentFrequencies[b].CompareTo(_documentFrequencies[a]);
                return byDf != 0 ? byDf : Order(a, b);
            });
            kept.RemoveRange(_options.MaxFeatures, kept.Count - _options.MaxFeatures);
        }

        kept.Sort(Order);
        remap = new int[_terms.Count];
        Array.Fill(remap, -1);
        var terms = new string[kept.Count];
        var kinds = new FeatureKind[kept.Count];
        var dfs = new int[kept.Count];
        var buckets = new int[kept.Count];
        for (var final = 0; final < kept.Count; final++)
        {
            var id = kept[final];
            remap[id] = final;
            terms[final] = _terms[id];
            kinds[final] = _kinds[id];
            dfs[final] = _documentFrequencies[id];
            buckets[final] = _buckets[id];
        }

        var vocabulary = new Vocabulary(terms, kinds, dfs, buckets, _documents, _bucketIds.Length);
        return new TfidfModel(_options, vocabulary, _documents == 0 ? 0 : (double)_totalLength / _documents);
    }

    /// <summary>Turns the kept count rows into the weighted, normalised matrix of <paramref name="model"/>.</summary>
    public SparseMatrix BuildMatrix(TfidfModel model, int[] remap, CancellationToken cancellationToken)
    {
        var raw = _rows!.Build(_terms.Count);
        var pointers = raw.RowPointerArray;
        var columns = raw.ColumnArray;
        var values = raw.ValueArray;
        var lengths = _lengths!;

        // Remapping only drops entries, so rows are rewritten in place, front to back.
        var write = 0;
        var newPointers = new int[raw.RowCount + 1];
        for (var r = 0; r < raw.RowCount; r++)
        {
            if ((r & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            var start = write;
            for (var k = pointers[r]; k < pointers[r + 1]; k++)
            {
                var final = remap[columns[k]];
                if (final < 0) continue;
                columns[write] = final;
                values[write] = values[k];
                write++;
            }

            var n = model.Weigh(columns.AsSpan(start, write - start), values.AsSpan(start, write - start), write - start, lengths[r]);
            write = start + n;
            newPointers[r + 1] = write;
        }

        Array.Resize(ref columns, write);
        Array.Resize(ref values, write);
        return new SparseMatrix(raw.RowCount, model.FeatureCount, newPointers, columns, values, validate: false);
    }

    private int Order(int a, int b)
    {
        var byKind = _kinds[a].CompareTo(_kinds[b]);
        if (byKind != 0) return byKind;
        return _kinds[a] == FeatureKind.CharNgram ? _buckets[a].CompareTo(_buckets[b]) : string.CompareOrdinal(_terms[a], _terms[b]);
    }

    private int WordId(string text, FeatureKind kind)
    {
        var map = kind == FeatureKind.Word ? _words : _parts;
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(map, text, out var exists);
        if (!exists) id = NewFeature(text, kind, -1);
        return id;
    }

    private int BucketId(ReadOnlySpan<char> gram)
    {
        var bucket = (int)(CharNgrams.HashText(gram) & (uint)_bucketMask);
        ref var id = ref _bucketIds[bucket];
        if (id < 0) id = NewFeature(new string(gram), FeatureKind.CharNgram, bucket);
        return id;
    }

    private int NewFeature(string text, FeatureKind kind, int bucket)
    {
        _terms.Add(text);
        _kinds.Add(kind);
        _buckets.Add(bucket);
        _documentFrequencies.Add(0);
        return _terms.Count - 1;
    }

    private void Append(ref int k, int id, float count)
    {
        if (k == _ids.Length)
        {
            Array.Resize(ref _ids, k * 2);
            Array.Resize(ref _counts, k * 2);
        }

        _ids[k] = id;
        _counts[k++] = count;
    }
}

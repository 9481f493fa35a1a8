using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Features;

/// <summary>
/// Class-based tf-idf (c-TF-IDF), as BERTopic's <c>ClassTfidfTransformer</c>: all texts of a class
/// (a cluster, a category) are treated as one document, so the weight says how characteristic a
/// term is of the class rather than of one text — the keywords of a cluster label or a category.
/// <list type="bullet">
/// <item><b>Fit</b> on the class × term count matrix: <c>f_t</c> = the term's count summed over all
/// classes, <c>A</c> = the mean number of term occurrences per class (truncated to an integer, as
/// BERTopic does), and <c>idf_t = ln(1 + A / f_t)</c>; with BM25 weighting
/// <c>idf_t = ln(1 + (A − f_t + 0.5) / (f_t + 0.5))</c>.</item>
/// <item><b>Transform</b>: each class row is divided by its sum (l1), optionally square-rooted to
/// damp very frequent words, and multiplied by idf.</item>
/// </list>
/// Immutable once fitted.
/// </summary>
public sealed class ClassTfidf
{
    private readonly float[] _idf;

    private ClassTfidf(float[] idf, bool bm25Weighting, bool reduceFrequentWords)
    {
        _idf = idf;
        Bm25Weighting = bm25Weighting;
        ReduceFrequentWords = reduceFrequentWords;
    }

    /// <summary>Whether idf uses the BM25-style formula.</summary>
    public bool Bm25Weighting { get; }

    /// <summary>Whether the l1-normalised frequencies are square-rooted.</summary>
    public bool ReduceFrequentWords { get; }

    /// <summary>The idf of each term (column).</summary>
    public ReadOnlySpan<float> Idf => _idf;

    /// <summary>Fits the idf on a class × term count matrix (rows = classes).</summary>
    public static ClassTfidf Fit(SparseMatrix classTermCounts, bool bm25Weighting = false, bool reduceFrequentWords = false)
    {
        ArgumentNullException.ThrowIfNull(classTermCounts);
        var frequency = new double[classTermCounts.ColumnCount];
        var columns = classTermCounts.ColumnIndices;
        var values = classTermCounts.Values;
        var total = 0d;
        for (var k = 0; k < classTermCounts.NonZeroCount; k++)
        {
            if (values[k] < 0) throw new ArgumentException("Counts must not be negative.", nameof(classTermCounts));
            frequency[columns[k]] += values[k];
            total += values[k];
        }

        var average = classTermCounts.RowCount == 0 ? 0 : Math.Floor(total / classTermCounts.RowCount);
        var idf = new float[frequency.Length];
        for (var t = 0; t < idf.Length; t++)
        {
            var f = frequency[t];
            if (f <= 0) continue; // A term no class uses has no weight to give.
            idf[t] = (float)(bm25Weighting ? Math.Log(1 + ((average - f + 0.5) / (f + 0.5))) : Math.Log(1 + (average / f)));
        }

        return new ClassTfidf(idf, bm25Weighting, reduceFrequentWords);
    }

    /// <summary>The c-TF-IDF weights of a class × term count matrix (same columns as at fit).</summary>
    public SparseMatrix Transform(SparseMatrix classTermCounts)
    {
        ArgumentNullException.ThrowIfNull(classTermCounts);
        if (classTermCounts.ColumnCount != _idf.Length)
            throw new ArgumentException($"The counts have {classTermCounts.ColumnCount} terms; the model was fitted on {_idf.Length}.", nameof(classTermCounts));
        var pointers = classTermCounts.RowPointers.ToArray();
        var columns = classTermCounts.ColumnIndices.ToArray();
        var values = new float[classTermCounts.NonZeroCount];
        var source = classTermCounts.Values;
        for (var r = 0; r < classTermCounts.RowCount; r++)
        {
            var sum = 0d;
            for (var k = pointers[r]; k < pointers[r + 1]; k++) sum += source[k];
            if (sum <= 0) continue;
            for (var k = pointers[r]; k < pointers[r + 1]; k++)
            {
                var tf = source[k] / sum;
                if (ReduceFrequentWords) tf = Math.Sqrt(tf);
                values[k] = (float)(tf * _idf[columns[k]]);
            }
        }

        return new SparseMatrix(classTermCounts.RowCount, classTermCounts.ColumnCount, pointers, columns, values, validate: false);
    }

    /// <summary>The <paramref name="count"/> highest-weighted terms of one class row of <paramref name="weights"/>, best first (ties by term id).</summary>
    public static IReadOnlyList<(int Term, float Weight)> TopTerms(SparseMatrix weights, int classIndex, int count)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var ids = weights.RowIndices(classIndex);
        var values = weights.RowValues(classIndex);
        var order = new int[ids.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var v = values.ToArray();
        Array.Sort(order, (a, b) => v[b] != v[a] ? v[b].CompareTo(v[a]) : a.CompareTo(b));
        var result = new List<(int, float)>(Math.Min(count, order.Length));
        for (var i = 0; i < order.Length && result.Count < count; i++)
        {
            if (v[order[i]] > 0) result.Add((ids[order[i]], v[order[i]]));
        }

        return result;
    }

    /// <summary>
    /// Counts lemmas (and, when asked, compound parts) per class: row c of the result sums the
    /// texts whose class is c; texts with a negative class (outliers) are left out. Terms are
    /// ordered ordinally, so the result does not depend on the order of the texts.
    /// </summary>
    public static ClassTermCounts CountTerms(IReadOnlyList<AnalyzedText> texts, IReadOnlyList<int> classes, int classCount, bool includeCompoundParts = false)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(classes);
        if (texts.Count != classes.Count) throw new ArgumentException($"{texts.Count} texts but {classes.Count} classes.", nameof(classes));
        ArgumentOutOfRangeException.ThrowIfNegative(classCount);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var perClass = new Dictionary<int, float>[classCount];
        for (var c = 0; c < classCount; c++) perClass[c] = [];
        for (var i = 0; i < texts.Count; i++)
        {
            var c = classes[i];
            if (c < 0) continue;
            if (c >= classCount) throw new ArgumentOutOfRangeException(nameof(classes), c, $"Class of text {i} is not below {classCount}.");
            var terms = texts[i].Terms;
            for (var t = 0; t < terms.Count; t++)
            {
                Add(perClass[c], ids, terms[t].Lemma);
                if (!includeCompoundParts) continue;
                var parts = terms[t].Parts;
                for (var p = 0; p < parts.Count; p++) Add(perClass[c], ids, parts[p]);
            }
        }

        var names = new string[ids.Count];
        foreach (var (term, id) in ids) names[id] = term;
        var order = new int[names.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => string.CompareOrdinal(names[a], names[b]));
        var rank = new int[order.Length];
        for (var i = 0; i < order.Length; i++) rank[order[i]] = i;

        var builder = new SparseMatrixBuilder(classCount, ids.Count);
        var rowIds = new List<int>();
        var rowValues = new List<float>();
        for (var c = 0; c < classCount; c++)
        {
            rowIds.Clear();
            rowValues.Clear();
            foreach (var (id, n) in perClass[c])
            {
                rowIds.Add(rank[id]);
                rowValues.Add(n);
            }

            var idSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rowIds);
            var valueSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rowValues);
            idSpan.Sort(valueSpan);
            builder.AddRow(idSpan, valueSpan);
        }

        var sortedNames = new string[names.Length];
        for (var i = 0; i < order.Length; i++) sortedNames[i] = names[order[i]];
        return new ClassTermCounts(sortedNames, builder.Build(names.Length));
    }

    private static void Add(Dictionary<int, float> row, Dictionary<string, int> ids, string term)
    {
        if (!ids.TryGetValue(term, out var id))
        {
            id = ids.Count;
            ids.Add(term, id);
        }

        row[id] = row.GetValueOrDefault(id) + 1;
    }
}

using System.Numerics.Tensors;

namespace SosRap.Training.Evaluation;

/// <summary>
/// A control representation for evaluation only: lemma TF-IDF (raw counts × smoothed idf,
/// L2-normalised, as scikit-learn's TfidfVectorizer defaults), fitted on the reference reports.
/// It lets the encoder be compared with a sparse baseline in the very same kNN and k-means harness.
/// </summary>
internal sealed class TfidfBaseline
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly float[] _idf;

    public TfidfBaseline(IReadOnlyList<TrainingDocument> fitOn)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in fitOn)
        {
            foreach (var lemma in d.Terms.Select(t => t.Lemma).Distinct(StringComparer.Ordinal)) df[lemma] = df.GetValueOrDefault(lemma) + 1;
        }

        foreach (var word in df.Keys.Order(StringComparer.Ordinal)) _index[word] = _index.Count;
        _idf = new float[_index.Count];
        foreach (var (word, i) in _index) _idf[i] = (float)(Math.Log((1.0 + fitOn.Count) / (1.0 + df[word])) + 1.0);
    }

    public int Dimension => _idf.Length;

    /// <summary>Row-major dense vectors (n × vocabulary); a report without known lemmas stays zero.</summary>
    public float[] Embed(IReadOnlyList<TrainingDocument> documents)
    {
        var d = Dimension;
        var result = new float[documents.Count * d];
        for (var i = 0; i < documents.Count; i++)
        {
            var row = result.AsSpan(i * d, d);
            foreach (var t in documents[i].Terms)
            {
                if (_index.TryGetValue(t.Lemma, out var k)) row[k] += _idf[k];
            }

            var norm = TensorPrimitives.Norm(row);
            if (norm > 0) TensorPrimitives.Multiply(row, 1f / norm, row);
        }

        return result;
    }
}

using SosRap.Pipeline.Embeddings.Encoder;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Tests.Embeddings;

/// <summary>Hand-built analyses and small models whose outputs can be worked out on paper.</summary>
internal static class EncoderTestData
{
    public static AnalyzedTerm Term(string lemma, params string[] parts) => new(lemma, parts, 0, lemma.Length, LemmaSource.Dictionary);

    public static AnalyzedText Terms(params AnalyzedTerm[] terms) => new(terms);

    public static AnalyzedText Words(params string[] lemmas) => new([.. lemmas.Select(l => Term(l))]);

    /// <summary>Vocabulary only (no n-grams), uniform weights, mean pooling.</summary>
    public static EncoderFeatures PlainFeatures(params string[] vocabulary) =>
        new(new EncoderFeatureOptions { MinNgram = 0, TermWeighting = EncoderTermWeighting.Uniform },
            vocabulary, Enumerable.Repeat(1f, vocabulary.Length).ToArray(), 1f, []);

    /// <summary>A model with every optional part: n-grams, idf, projection, tanh, classifier, training info.</summary>
    public static EncoderModel FullModel()
    {
        var options = new EncoderFeatureOptions { MinNgram = 2, MaxNgram = 3, Buckets = 8, NgramWeight = 0.5f, MinCount = 1, TermWeighting = EncoderTermWeighting.Idf, Pooling = EncoderPooling.SqrtN };
        var features = new EncoderFeatures(options, ["asunto", "vuokra", "\"lainaus\"", "tuki"], [1f, 1.5f, 2.25f, 1.125f], 3.5f, [1, 0, 1, 1, 0, 0, 1, 1]);
        const int e = 5, d = 3;
        var table = Sequence(features.RowCount * e, 0.01f);
        return new EncoderModel(features, e, table, Sequence(d * e, -0.02f), [0.1f, -0.2f, 0.3f], d, EncoderActivation.Tanh,
            ["asuminen", "toimeentulo"], Sequence(2 * d, 0.5f), [0.25f, -0.75f], """{"seed":7,"note":"ä"}""");
    }

    public static float[] Sequence(int n, float step) => [.. Enumerable.Range(0, n).Select(i => (i % 7 - 3) * step + i * 1e-4f)];
}

namespace SosRap.Pipeline.Embeddings.Encoder;

/// <summary>How much one term counts when term vectors are pooled into a text vector.</summary>
public enum EncoderTermWeighting
{
    /// <summary>Every term counts the same.</summary>
    Uniform,

    /// <summary>
    /// Smoothed inverse document frequency of the lemma in the training texts,
    /// <c>ln((1 + N) / (1 + df)) + 1</c>; a lemma outside the vocabulary gets <c>ln(1 + N) + 1</c>.
    /// </summary>
    Idf,
}

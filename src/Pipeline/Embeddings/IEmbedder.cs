using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Embeddings;

/// <summary>
/// Turns one text into a dense, L2-normalised vector, so that the inner product of two embeddings
/// is their cosine similarity (what the vector index expects). Implementations are immutable once
/// fitted or loaded, and thread-safe.
/// </summary>
public interface IEmbedder
{
    /// <summary>Short name used in model manifests and CLI options (<c>lsa</c>, <c>encoder</c>, <c>onnx</c>).</summary>
    string Name { get; }

    /// <summary>Length of every embedding.</summary>
    int Dimension { get; }

    /// <summary>
    /// Writes the embedding of a text into <paramref name="destination"/> (exactly <see cref="Dimension"/> floats).
    /// Embedders over lemmas read <paramref name="analysis"/>; embedders with their own tokenizer read <paramref name="text"/>.
    /// </summary>
    /// <param name="text">The (redacted) text.</param>
    /// <param name="analysis">The same text analysed by <see cref="TextAnalyzer"/>.</param>
    /// <param name="destination">Receives the L2-normalised vector; all zeros when the method returns false.</param>
    /// <returns>False when the text has nothing the embedder knows (the vector is then all zeros and must not be indexed).</returns>
    bool TryEmbed(string text, AnalyzedText analysis, Span<float> destination);
}

using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Features;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Evaluation.Representations;

/// <summary>A representation fitted for one run: encodes any analysed reports into a <see cref="VectorSet"/>.</summary>
internal abstract class FittedRepresentation
{
    /// <summary>Features (sparse) or embedding dimension (dense).</summary>
    public abstract int Dimension { get; }

    public abstract string Kind { get; }

    public abstract VectorSet Encode(IReadOnlyList<string> texts, IReadOnlyList<AnalyzedText> analyses, CancellationToken cancellationToken);

    /// <summary>Sparse tf-idf/BM25 vectors, compared by sparse cosine.</summary>
    public sealed class Sparse(TfidfModel model) : FittedRepresentation
    {
        public override int Dimension => model.FeatureCount;

        public override string Kind => "sparse";

        public override VectorSet Encode(IReadOnlyList<string> texts, IReadOnlyList<AnalyzedText> analyses, CancellationToken cancellationToken) =>
            VectorSet.Sparse(model.Transform(analyses, cancellationToken));
    }

    /// <summary>Any <see cref="IEmbedder"/>, embedded in parallel.</summary>
    public sealed class Dense(IEmbedder embedder) : FittedRepresentation
    {
        public override int Dimension => embedder.Dimension;

        public override string Kind => "dense";

        public override VectorSet Encode(IReadOnlyList<string> texts, IReadOnlyList<AnalyzedText> analyses, CancellationToken cancellationToken) =>
            VectorSet.Dense(EmbeddingBatch.EmbedAll(embedder, texts, analyses, cancellationToken: cancellationToken));
    }
}

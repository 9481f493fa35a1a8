using SosRap.Pipeline.Embeddings.Encoder;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SosRap.Training;

/// <summary>
/// The encoder as a torch module: <c>EmbeddingBag(mode=sum, per_sample_weights)</c> over the rows of
/// <see cref="EncoderFeatures"/> → optional linear projection and activation → L2 normalisation; plus
/// the classifier head (one logit per category) of the supervised objective. The C# inference in
/// <c>EncoderEmbedder</c> computes the same function from the exported weights.
/// </summary>
internal sealed class EncoderNetwork : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly EmbeddingBag bag;
    private readonly Linear? projection;
    private readonly Linear? classifier;
    private readonly EncoderActivation _activation;

    public EncoderNetwork(long rows, int embeddingDimension, int dimension, bool project, EncoderActivation activation, int categories, double initScale)
        : base(nameof(EncoderNetwork))
    {
        if (!project && dimension != embeddingDimension)
            throw new ArgumentException("Without a projection the dimension must equal the embedding dimension.", nameof(dimension));
        _activation = project ? activation : EncoderActivation.None;
        bag = nn.EmbeddingBag(rows, embeddingDimension, mode: EmbeddingBagMode.Sum);
        if (project) projection = nn.Linear(embeddingDimension, dimension);
        if (categories > 0) classifier = nn.Linear(dimension, categories);
        using (no_grad())
        {
            // Small rows (fastText initialises ±1/e): learned rows soon outweigh the initial noise.
            bag.weight!.uniform_(-initScale, initScale);
        }

        RegisterComponents();
    }

    /// <summary>The embedding table parameter (rows × e).</summary>
    public Parameter Table => bag.weight!;

    /// <summary>The projection, if any.</summary>
    public Linear? Projection => projection;

    /// <summary>The classifier head, if any.</summary>
    public Linear? Classifier => classifier;

    /// <summary>L2-normalised embeddings of a batch of bags (indices, offsets and per-index weights as for EmbeddingBag).</summary>
    public override Tensor forward(Tensor indices, Tensor offsets, Tensor weights)
    {
        using var scope = NewDisposeScope();
        var x = bag.forward(indices, offsets, weights);
        if (projection is not null)
        {
            x = projection.forward(x);
            if (_activation == EncoderActivation.Tanh) x = x.tanh();
        }

        return nn.functional.normalize(x, p: 2, dim: 1, eps: 1e-12).MoveToOuterDisposeScope();
    }

    /// <summary>Category logits of normalised embeddings.</summary>
    public Tensor Classify(Tensor embeddings) =>
        classifier?.forward(embeddings) ?? throw new InvalidOperationException("The network has no classifier head.");
}

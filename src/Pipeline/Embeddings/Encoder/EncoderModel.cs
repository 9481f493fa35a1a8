namespace SosRap.Pipeline.Embeddings.Encoder;

/// <summary>
/// A trained encoder: the feature mapping, the embedding table, the optional projection and the
/// optional classifier head of its supervised objective. What an encoder file holds; immutable once
/// constructed (the arrays are owned by the model and must not be changed by the caller afterwards).
/// The embedding of a text is <c>normalize(activation(P · Σ wᵢ E[rᵢ] + b))</c>, or
/// <c>normalize(Σ wᵢ E[rᵢ])</c> without a projection (see <see cref="EncoderFeatures.Featurize"/>).
/// </summary>
public sealed class EncoderModel
{
    /// <summary>Creates a model, checking that every array has the size its dimensions give.</summary>
    /// <param name="features">The term-to-row mapping.</param>
    /// <param name="embeddingDimension">Width of a table row (e).</param>
    /// <param name="embedding">The table, <c>features.RowCount × e</c>, row-major.</param>
    /// <param name="projectionWeight">Projection <c>d × e</c>, row-major, or null for none (then d = e).</param>
    /// <param name="projectionBias">Projection bias (d), or null for none.</param>
    /// <param name="dimension">Output dimension d.</param>
    /// <param name="activation">Nonlinearity after the projection.</param>
    /// <param name="categories">Category ids of the classifier head, in row order (empty without a head).</param>
    /// <param name="classifierWeight">Head weights <c>C × d</c> over the normalised embedding, or null.</param>
    /// <param name="classifierBias">Head bias (C), or null.</param>
    /// <param name="trainingInfoJson">A JSON object describing how the model was trained (kept as is), or null.</param>
    public EncoderModel(EncoderFeatures features, int embeddingDimension, float[] embedding, float[]? projectionWeight, float[]? projectionBias,
        int dimension, EncoderActivation activation, IReadOnlyList<string> categories, float[]? classifierWeight, float[]? classifierBias,
        string? trainingInfoJson = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(embedding);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentOutOfRangeException.ThrowIfLessThan(embeddingDimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (!Enum.IsDefined(activation))
            throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        Expect(embedding, (long)features.RowCount * embeddingDimension, nameof(embedding));
        if (projectionWeight is null)
        {
            if (dimension != embeddingDimension)
                throw new ArgumentException($"Without a projection the dimension ({dimension}) must equal the embedding dimension ({embeddingDimension}).", nameof(dimension));
            if (projectionBias is not null || activation != EncoderActivation.None)
                throw new ArgumentException("A projection bias or activation needs a projection weight.", nameof(projectionBias));
        }
        else
        {
            Expect(projectionWeight, (long)dimension * embeddingDimension, nameof(projectionWeight));
            if (projectionBias is not null) Expect(projectionBias, dimension, nameof(projectionBias));
        }

        if ((classifierWeight is null) != (categories.Count == 0))
            throw new ArgumentException("A classifier head needs both its weights and its category ids.", nameof(classifierWeight));
        if (classifierWeight is not null) Expect(classifierWeight, (long)categories.Count * dimension, nameof(classifierWeight));
        if (classifierBias is not null)
        {
            if (classifierWeight is null) throw new ArgumentException("A classifier bias needs classifier weights.", nameof(classifierBias));
            Expect(classifierBias, categories.Count, nameof(classifierBias));
        }

        if (categories.Distinct(StringComparer.Ordinal).Count() != categories.Count)
            throw new ArgumentException("Category ids must be unique.", nameof(categories));

        Features = features;
        EmbeddingDimension = embeddingDimension;
        Embedding = embedding;
        ProjectionWeight = projectionWeight;
        ProjectionBias = projectionBias;
        Dimension = dimension;
        Activation = activation;
        Categories = [.. categories];
        ClassifierWeight = classifierWeight;
        ClassifierBias = classifierBias;
        TrainingInfoJson = trainingInfoJson;
    }

    /// <summary>The term-to-row mapping.</summary>
    public EncoderFeatures Features { get; }

    /// <summary>Width of a table row.</summary>
    public int EmbeddingDimension { get; }

    /// <summary>The embedding table, row-major.</summary>
    public float[] Embedding { get; }

    /// <summary>Projection weights (d × e, row-major), or null.</summary>
    public float[]? ProjectionWeight { get; }

    /// <summary>Projection bias, or null.</summary>
    public float[]? ProjectionBias { get; }

    /// <summary>Output dimension.</summary>
    public int Dimension { get; }

    /// <summary>Nonlinearity after the projection.</summary>
    public EncoderActivation Activation { get; }

    /// <summary>Category ids of the classifier head (empty without one).</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>Classifier weights (C × d, row-major) over the normalised embedding, or null.</summary>
    public float[]? ClassifierWeight { get; }

    /// <summary>Classifier bias, or null.</summary>
    public float[]? ClassifierBias { get; }

    /// <summary>A JSON object describing the training run, or null.</summary>
    public string? TrainingInfoJson { get; }

    private static void Expect(float[] values, long length, string name)
    {
        if (values.LongLength != length)
            throw new ArgumentException($"{name} has {values.LongLength} values; expected {length}.", name);
    }
}

using SosRap.Pipeline.Embeddings.Encoder;

namespace SosRap.Training;

/// <summary>Everything that shapes one training run. Validated once by <see cref="Validate"/>; the defaults are the tuned ones (docs/encoder.md).</summary>
internal sealed record EncoderTrainingOptions
{
    /// <summary>Terms → rows: vocabulary, compound parts, n-grams, weighting, pooling.</summary>
    public EncoderFeatureOptions Features { get; init; } = new();

    /// <summary>Output dimension d.</summary>
    public int Dimension { get; init; } = 128;

    /// <summary>Width of a table row e; 0 means the same as <see cref="Dimension"/>.</summary>
    public int EmbeddingDimension { get; init; }

    /// <summary>Learn a d × e projection after pooling (without it d = e).</summary>
    public bool Projection { get; init; } = true;

    /// <summary>Nonlinearity after the projection.</summary>
    public EncoderActivation Activation { get; init; } = EncoderActivation.None;

    /// <summary>Most passes over the training reports (early stopping usually ends sooner).</summary>
    public int MaxEpochs { get; init; } = 40;

    /// <summary>Reports per optimisation step (and in-batch negatives for the contrastive objective).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>AdamW learning rate.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>AdamW decoupled weight decay.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Weight of the supervised multi-label (BCE) objective; 0 turns it off.</summary>
    public double SupervisedWeight { get; init; } = 1.0;

    /// <summary>Weight of the self-supervised contrastive (InfoNCE) objective; 0 turns it off.</summary>
    public double ContrastiveWeight { get; init; } = 0.5;

    /// <summary>InfoNCE temperature.</summary>
    public double Temperature { get; init; } = 0.1;

    /// <summary>
    /// In the contrastive objective, other reports of the batch that share categories are positives
    /// too, with this weight times the Jaccard overlap of the category sets (0: only the report's own view).
    /// </summary>
    public double LabelPositives { get; init; }

    /// <summary>Share of a report's terms each of its two training views leaves out.</summary>
    public double TermDropout { get; init; } = 0.3;

    /// <summary>Share of the labelled reports held out for early stopping (0: no early stopping).</summary>
    public double ValidationFraction { get; init; } = 0.15;

    /// <summary>Epochs without a better held-out score before training stops.</summary>
    public int Patience { get; init; } = 6;

    /// <summary>After early stopping, train again on all reports for the best number of epochs.</summary>
    public bool Refit { get; init; } = true;

    /// <summary>Neighbours that vote in the held-out kNN metric.</summary>
    public int Neighbours { get; init; } = 10;

    /// <summary>Initial table rows are uniform in ±this value.</summary>
    public double InitScale { get; init; } = 0.05;

    /// <summary>Seed of every random choice (split, order, views, initial weights).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>CPU threads torch may use.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>The row width in effect.</summary>
    public int RowWidth => EmbeddingDimension == 0 ? Dimension : EmbeddingDimension;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first bad value.</summary>
    public EncoderTrainingOptions Validate()
    {
        Features.Validate();
        Check(Dimension is >= 2 and <= 4096, nameof(Dimension), Dimension, "between 2 and 4096");
        Check(EmbeddingDimension is 0 or (>= 2 and <= 4096), nameof(EmbeddingDimension), EmbeddingDimension, "0 or between 2 and 4096");
        Check(Projection || RowWidth == Dimension, nameof(EmbeddingDimension), EmbeddingDimension, "equal to the dimension without a projection");
        Check(Projection || Activation == EncoderActivation.None, nameof(Activation), Activation, "none without a projection");
        Check(MaxEpochs is >= 1 and <= 10_000, nameof(MaxEpochs), MaxEpochs, "between 1 and 10000");
        Check(BatchSize is >= 2 and <= 65_536, nameof(BatchSize), BatchSize, "between 2 and 65536");
        Check(LearningRate is > 0 and <= 10, nameof(LearningRate), LearningRate, "in (0, 10]");
        Check(WeightDecay is >= 0 and <= 1, nameof(WeightDecay), WeightDecay, "in [0, 1]");
        Check(SupervisedWeight >= 0 && double.IsFinite(SupervisedWeight), nameof(SupervisedWeight), SupervisedWeight, "0 or more");
        Check(ContrastiveWeight >= 0 && double.IsFinite(ContrastiveWeight), nameof(ContrastiveWeight), ContrastiveWeight, "0 or more");
        Check(SupervisedWeight > 0 || ContrastiveWeight > 0, nameof(SupervisedWeight), SupervisedWeight, "positive when the contrastive weight is 0");
        Check(Temperature is > 0.001 and <= 10, nameof(Temperature), Temperature, "in (0.001, 10]");
        Check(LabelPositives is >= 0 and <= 100, nameof(LabelPositives), LabelPositives, "between 0 and 100");
        Check(TermDropout is >= 0 and < 1, nameof(TermDropout), TermDropout, "in [0, 1)");
        Check(ValidationFraction is >= 0 and < 1, nameof(ValidationFraction), ValidationFraction, "in [0, 1)");
        Check(Patience is >= 1 and <= 1000, nameof(Patience), Patience, "between 1 and 1000");
        Check(Neighbours is >= 1 and <= 1000, nameof(Neighbours), Neighbours, "between 1 and 1000");
        Check(InitScale is > 0 and <= 1, nameof(InitScale), InitScale, "in (0, 1]");
        Check(Threads is >= 1 and <= 256, nameof(Threads), Threads, "between 1 and 256");
        var rows = (long)Features.MaxVocabulary + (Features.Ngrams ? Features.Buckets : 0);
        Check(rows * RowWidth * sizeof(float) <= int.MaxValue, nameof(Features.Buckets), Features.Buckets,
            "small enough that the table (vocabulary + buckets) × row width stays under 2 GiB");
        return this;
    }

    private static void Check(bool ok, string name, object value, string rule)
    {
        if (!ok) throw new ArgumentOutOfRangeException(name, value, $"{name} must be {rule}.");
    }
}

namespace SosRap.Pipeline.Embeddings.Encoder;

/// <summary>How weighted term vectors are combined into one text vector.</summary>
public enum EncoderPooling
{
    /// <summary>Weighted mean: the sum divided by the sum of the term weights.</summary>
    Mean,

    /// <summary>The sum divided by the square root of the sum of squared term weights (√n for uniform weights).</summary>
    SqrtN,
}

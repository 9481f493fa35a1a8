namespace SosRap.Pipeline.Embeddings.Encoder;

/// <summary>Nonlinearity applied after the projection, before L2 normalisation.</summary>
public enum EncoderActivation
{
    /// <summary>No nonlinearity: the encoder is linear up to the normalisation.</summary>
    None,

    /// <summary>Hyperbolic tangent.</summary>
    Tanh,
}

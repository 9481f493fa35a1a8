namespace SosRap.Pipeline.Suggestions;

/// <summary>Settings of the linear backend's training (ML.NET SDCA, one binary model per category).</summary>
public sealed record LinearOptions
{
    /// <summary>Loss: <see cref="LinearLoss.Hinge"/> (a linear SVM) or <see cref="LinearLoss.Logistic"/>.</summary>
    public LinearLoss Loss { get; init; } = LinearLoss.Hinge;

    /// <summary>L2 regularisation strength of SDCA.</summary>
    public float L2Regularization { get; init; } = 1e-3f;

    /// <summary>Passes over the data.</summary>
    public int MaxIterations { get; init; } = 50;

    /// <summary>Throws when a value is out of range; returns this.</summary>
    public LinearOptions Validate()
    {
        if (!(L2Regularization is > 0f and <= 10f)) throw new ArgumentOutOfRangeException(nameof(L2Regularization), L2Regularization, "L2Regularization must be in (0, 10].");
        if (MaxIterations is < 1 or > 10_000) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "MaxIterations must be between 1 and 10000.");
        return this;
    }
}

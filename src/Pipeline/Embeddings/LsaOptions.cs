using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Embeddings;

/// <summary>
/// Settings of <see cref="LsaEstimator"/>: the sparse features it decomposes, the number of
/// components, their scaling and the randomized SVD. Validated once, when an estimator is made.
/// </summary>
public sealed record LsaOptions
{
    /// <summary>The tf-idf features the SVD runs on.</summary>
    public TfidfOptions Features { get; init; } = new();

    /// <summary>
    /// Components wanted. The fitted dimension is at most this, the number of fitting texts and the
    /// number of features, and drops components the corpus does not support (numerical rank).
    /// </summary>
    public int Dimension { get; init; } = 200;

    /// <summary>How components are scaled.</summary>
    public LsaWeighting Weighting { get; init; } = LsaWeighting.Sigma;

    /// <summary>The randomized SVD's oversampling, power iterations, seed and threads.</summary>
    public RandomizedSvdOptions Svd { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentNullException"/> for an invalid value; returns the options.</summary>
    public LsaOptions Validate()
    {
        ArgumentNullException.ThrowIfNull(Features);
        ArgumentNullException.ThrowIfNull(Svd);
        Features.Validate();
        Svd.Validate();
        if (Dimension is < 1 or > 4096) throw new ArgumentOutOfRangeException(nameof(Dimension), Dimension, "LsaOptions.Dimension must be between 1 and 4096.");
        if (!Enum.IsDefined(Weighting)) throw new ArgumentOutOfRangeException(nameof(Weighting), Weighting, "LsaOptions.Weighting is not a known weighting.");
        return this;
    }
}

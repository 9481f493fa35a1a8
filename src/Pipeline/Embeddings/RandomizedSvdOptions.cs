namespace SosRap.Pipeline.Embeddings;

/// <summary>Settings of <see cref="RandomizedSvd"/>; validated when a decomposition starts.</summary>
public sealed record RandomizedSvdOptions
{
    /// <summary>Extra random directions beyond the rank asked for (Halko et al. recommend 5–10).</summary>
    public int Oversampling { get; init; } = 10;

    /// <summary>
    /// Power iterations: each multiplies by <c>A Aᵀ</c> once more, which sharpens the gap between the
    /// leading and trailing singular values (text matrices have a slowly decaying spectrum and need a few).
    /// </summary>
    public int PowerIterations { get; init; } = 4;

    /// <summary>Seed of the random test matrix: the same seed and input give the same result, bit for bit.</summary>
    public int Seed { get; init; } = 1301;

    /// <summary>Threads for the matrix products (-1: all cores). Results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a value out of range; returns the options.</summary>
    public RandomizedSvdOptions Validate()
    {
        if (Oversampling is < 0 or > 1000) throw new ArgumentOutOfRangeException(nameof(Oversampling), Oversampling, "Oversampling must be between 0 and 1000.");
        if (PowerIterations is < 0 or > 50) throw new ArgumentOutOfRangeException(nameof(PowerIterations), PowerIterations, "PowerIterations must be between 0 and 50.");
        if (MaxDegreeOfParallelism is 0 or < -1) throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be -1 or positive.");
        return this;
    }
}

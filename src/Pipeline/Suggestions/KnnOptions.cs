namespace SosRap.Pipeline.Suggestions;

/// <summary>Settings of <see cref="KnnSuggester"/>.</summary>
public sealed record KnnOptions
{
    /// <summary>How many of the most similar labelled reports vote.</summary>
    public int K { get; init; } = 10;

    /// <summary>Each neighbour votes with similarity^Power: higher values let the closest reports dominate.</summary>
    public float Power { get; init; } = 2f;

    /// <summary>Throws when a value is out of range; returns this.</summary>
    public KnnOptions Validate()
    {
        if (K is < 1 or > 1000) throw new ArgumentOutOfRangeException(nameof(K), K, "K must be between 1 and 1000.");
        if (!(Power is >= 0.1f and <= 10f)) throw new ArgumentOutOfRangeException(nameof(Power), Power, "Power must be between 0.1 and 10.");
        return this;
    }
}

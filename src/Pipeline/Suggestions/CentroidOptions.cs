namespace SosRap.Pipeline.Suggestions;

/// <summary>Settings of <see cref="CentroidSuggester"/>.</summary>
public sealed record CentroidOptions
{
    /// <summary>How many labelled reports the category's taxonomy text counts as in its centroid (0 leaves it out).</summary>
    public float TaxonomyWeight { get; init; } = 1f;

    /// <summary>Throws when a value is out of range; returns this.</summary>
    public CentroidOptions Validate()
    {
        if (!(TaxonomyWeight is >= 0f and <= 1000f)) throw new ArgumentOutOfRangeException(nameof(TaxonomyWeight), TaxonomyWeight, "TaxonomyWeight must be between 0 and 1000.");
        return this;
    }
}

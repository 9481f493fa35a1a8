namespace SosRap.Pipeline.Suggestions;

/// <summary>Per-call settings of <see cref="ISuggester.Suggest"/>.</summary>
public sealed record SuggestOptions
{
    /// <summary>Default options: top 5, no threshold, evidence included.</summary>
    public static SuggestOptions Default { get; } = new();

    /// <summary>Most suggestions to return.</summary>
    public int Limit { get; init; } = 5;

    /// <summary>Suggestions scoring below this are left out (0 keeps everything up to <see cref="Limit"/>).</summary>
    public float Threshold { get; init; }

    /// <summary>
    /// Per-category least scores, by category index of the backend; when set they replace
    /// <see cref="Threshold"/> (the model's out-of-fold choices for the ensemble).
    /// </summary>
    public IReadOnlyList<float>? CategoryThresholds { get; init; }

    /// <summary>Attach evidence (lemmas, similar reports) to each suggestion.</summary>
    public bool IncludeEvidence { get; init; } = true;

    /// <summary>Throws when a value is out of range; returns this for chaining.</summary>
    public SuggestOptions Validate()
    {
        if (Limit < 1) throw new ArgumentOutOfRangeException(nameof(Limit), Limit, "Limit must be at least 1.");
        if (!(Threshold >= 0f && Threshold <= 1f)) throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "Threshold must be within [0, 1].");
        if (CategoryThresholds is not null && CategoryThresholds.Any(t => !(t >= 0f && t <= 1f)))
            throw new ArgumentOutOfRangeException(nameof(CategoryThresholds), "Category thresholds must be within [0, 1].");
        return this;
    }
}

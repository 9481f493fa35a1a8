using System.ComponentModel.DataAnnotations;

namespace SosRap.Api.Contracts;

/// <summary>
/// Body of <c>POST /api/reports/{id}/feedback</c>: the reviewer's decisions on the suggested
/// categories. Accepted and added categories join the report's categories, rejected ones leave
/// them; every decision is stored for the suggester to learn from.
/// </summary>
public sealed record FeedbackRequest : IValidatableObject
{
    /// <summary>Suggested categories the reviewer accepts.</summary>
    [MaxLength(Limits.CategoriesPerReport, ErrorMessage = "Kentässä {0} saa olla enintään {1} alkiota.")]
    public IReadOnlyList<string> Accepted { get; init; } = [];

    /// <summary>Suggested categories the reviewer rejects.</summary>
    [MaxLength(Limits.CategoriesPerReport, ErrorMessage = "Kentässä {0} saa olla enintään {1} alkiota.")]
    public IReadOnlyList<string> Rejected { get; init; } = [];

    /// <summary>Categories that were not suggested but belong to the report.</summary>
    [MaxLength(Limits.CategoriesPerReport, ErrorMessage = "Kentässä {0} saa olla enintään {1} alkiota.")]
    public IReadOnlyList<string> Added { get; init; } = [];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Accepted.Count + Rejected.Count + Added.Count == 0)
            yield return new ValidationResult("Palautteessa ei ole yhtään luokkaa.", [nameof(Accepted)]);
        var all = Accepted.Concat(Rejected).Concat(Added).ToList();
        if (all.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > Limits.ShortText))
            yield return new ValidationResult("Luokkatunnus on tyhjä tai liian pitkä.", [nameof(Accepted)]);
        else if (all.Distinct(StringComparer.Ordinal).Count() != all.Count)
            yield return new ValidationResult("Sama luokka on useammassa listassa tai kahdesti samassa.", [nameof(Accepted)]);
    }
}

using System.ComponentModel.DataAnnotations;

namespace SosRap.Api.Contracts;

/// <summary>Body of <c>POST /api/taxonomy/versions</c>: a whole new taxonomy version. Reports keep the version they were categorised with.</summary>
public sealed record TaxonomyVersionRequest
{
    /// <summary>Why the version was made.</summary>
    [Required]
    [StringLength(Limits.Comment, MinimumLength = 2)]
    [FreeText]
    public string Note { get; init; } = "";

    /// <summary>Every category of the new version.</summary>
    [Required]
    [MinLength(1)]
    [MaxLength(Limits.CategoriesPerTaxonomy)]
    public IReadOnlyList<CategoryInput> Categories { get; init; } = [];
}

using System.ComponentModel.DataAnnotations;

namespace SosRap.Api.Contracts;

/// <summary>Body of <c>POST /api/taxonomy/versions</c>: a whole new taxonomy version. Reports keep the version they were categorised with.</summary>
public sealed record TaxonomyVersionRequest
{
    /// <summary>Why the version was made.</summary>
    [Required(ErrorMessage = "Kenttä {0} puuttuu.")]
    [StringLength(Limits.Comment, MinimumLength = 2, ErrorMessage = "Kentän {0} pituuden pitää olla {2}–{1} merkkiä.")]
    [FreeText]
    public string Note { get; init; } = "";

    /// <summary>Every category of the new version.</summary>
    [Required(ErrorMessage = "Kenttä {0} puuttuu.")]
    [MinLength(1, ErrorMessage = "Kentässä {0} pitää olla vähintään {1} alkio.")]
    [MaxLength(Limits.CategoriesPerTaxonomy, ErrorMessage = "Kentässä {0} saa olla enintään {1} alkiota.")]
    public IReadOnlyList<CategoryInput> Categories { get; init; } = [];
}

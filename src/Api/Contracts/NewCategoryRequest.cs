using System.ComponentModel.DataAnnotations;

namespace SosRap.Api.Contracts;

/// <summary>Body of <c>POST /api/taxonomy/categories</c> and of promoting a theme: one category added in a new taxonomy version.</summary>
public sealed record NewCategoryRequest
{
    /// <summary>The category to add.</summary>
    [Required(ErrorMessage = "Kenttä {0} puuttuu.")]
    public CategoryInput? Category { get; init; }

    /// <summary>Why it is added.</summary>
    [StringLength(Limits.Comment, ErrorMessage = "Kenttä {0} saa olla enintään {1} merkkiä.")]
    [FreeText]
    public string? Note { get; init; }
}

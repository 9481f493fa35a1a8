using System.ComponentModel.DataAnnotations;

namespace SosRap.Api.Contracts;

/// <summary>Body of <c>POST /api/taxonomy/categories</c> and of promoting a theme: one category added in a new taxonomy version.</summary>
public sealed record NewCategoryRequest
{
    /// <summary>The category to add.</summary>
    [Required]
    public CategoryInput? Category { get; init; }

    /// <summary>Why it is added.</summary>
    [StringLength(Limits.Comment)]
    [FreeText]
    public string? Note { get; init; }
}

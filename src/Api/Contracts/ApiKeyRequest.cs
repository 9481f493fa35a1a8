using System.ComponentModel.DataAnnotations;

namespace SosRap.Api.Contracts;

/// <summary>Body of <c>POST /api/users/{id}/keys</c>.</summary>
public sealed record ApiKeyRequest
{
    /// <summary>What the key is for, e.g. "Selain" or "Integraatio X".</summary>
    [Required]
    [StringLength(Limits.ShortText, MinimumLength = 1)]
    [SingleLine]
    public string Label { get; init; } = "";

    /// <summary>Days until the key expires (1–730); left out: 365.</summary>
    [Range(1, 730)]
    public int? ExpiresInDays { get; init; }
}

using System.ComponentModel.DataAnnotations;

namespace SosRap.Api.Contracts;

/// <summary>Body of <c>POST /api/users/{id}/keys</c>.</summary>
public sealed record ApiKeyRequest
{
    /// <summary>What the key is for, e.g. "Selain" or "Integraatio X".</summary>
    [Required(ErrorMessage = "Kenttä {0} puuttuu.")]
    [StringLength(Limits.ShortText, MinimumLength = 1, ErrorMessage = "Kentän {0} pituuden pitää olla {2}–{1} merkkiä.")]
    [SingleLine]
    public string Label { get; init; } = "";

    /// <summary>Days until the key expires (1–730); left out: 365.</summary>
    [Range(1, 730, ErrorMessage = "Kentän {0} pitää olla välillä {1}–{2}.")]
    public int? ExpiresInDays { get; init; }
}

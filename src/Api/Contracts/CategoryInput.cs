using System.ComponentModel.DataAnnotations;

namespace SosRap.Api.Contracts;

/// <summary>One category of a new taxonomy version. <see cref="SupportNeed"/> must name a Social Welfare Act 11 § support need.</summary>
public sealed record CategoryInput
{
    /// <summary>Stable id: lower-case letters, digits and <c>_</c>, 2–50 characters.</summary>
    [Required(ErrorMessage = "Kenttä {0} puuttuu.")]
    [RegularExpression("^[a-z0-9_]{2,50}$", ErrorMessage = "Luokan tunnuksessa (id) saa olla vain pieniä kirjaimia a–z, numeroita ja _ (2–50 merkkiä).")]
    public string Id { get; init; } = "";

    /// <summary>Finnish display name.</summary>
    [Required(ErrorMessage = "Kenttä {0} puuttuu.")]
    [StringLength(Limits.ShortText, MinimumLength = 2, ErrorMessage = "Kentän {0} pituuden pitää olla {2}–{1} merkkiä.")]
    [SingleLine]
    public string Name { get; init; } = "";

    /// <summary>Finnish description (zero-shot suggestion reads it).</summary>
    [Required(ErrorMessage = "Kenttä {0} puuttuu.")]
    [StringLength(Limits.Description, MinimumLength = 2, ErrorMessage = "Kentän {0} pituuden pitää olla {2}–{1} merkkiä.")]
    [FreeText]
    public string Description { get; init; } = "";

    /// <summary>Optional key terms (lemmas).</summary>
    [MaxLength(Limits.TermsPerCategory, ErrorMessage = "Kentässä {0} saa olla enintään {1} alkiota.")]
    public IReadOnlyList<string> Terms { get; init; } = [];

    /// <summary>The 11 § support need it maps to, e.g. <c>asuminen</c>; required for national comparison.</summary>
    [Required(ErrorMessage = "Tuen tarve (support_need) puuttuu: jokainen luokka vastaa jotakin sosiaalihuoltolain 11 §:n tuen tarvetta.")]
    [StringLength(Limits.ShortText, ErrorMessage = "Kenttä {0} saa olla enintään {1} merkkiä.")]
    public string SupportNeed { get; init; } = "";
}

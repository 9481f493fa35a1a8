using System.ComponentModel.DataAnnotations;

namespace SosRap.Api.Contracts;

/// <summary>Body of <c>POST /api/users</c> and <c>PUT /api/users/{id}</c>.</summary>
public sealed record UserInput : IValidatableObject
{
    /// <summary>Display name (shown to the user's supervisor; never exported).</summary>
    [Required(ErrorMessage = "Kenttä {0} puuttuu.")]
    [StringLength(Limits.ShortText, MinimumLength = 1, ErrorMessage = "Kentän {0} pituuden pitää olla {2}–{1} merkkiä.")]
    [SingleLine]
    public string Name { get; init; } = "";

    /// <summary>The user's role.</summary>
    [Required(ErrorMessage = "Kenttä {0} puuttuu.")]
    public Role? Role { get; init; }

    /// <summary>Service areas a supervisor handles (required for <c>esihenkilo</c>); a worker's own area(s) otherwise.</summary>
    [MaxLength(Limits.ServiceAreasPerUser, ErrorMessage = "Kentässä {0} saa olla enintään {1} alkiota.")]
    public IReadOnlyList<string> ServiceAreas { get; init; } = [];

    /// <summary>A disabled user's keys stop working at once.</summary>
    public bool Disabled { get; init; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Role == Contracts.Role.Esihenkilo && ServiceAreas.Count == 0)
            yield return new ValidationResult("Esihenkilöllä pitää olla vähintään yksi palvelualue (service_areas).", [nameof(ServiceAreas)]);
        if (ServiceAreas.Any(a => string.IsNullOrWhiteSpace(a) || a.Length > Limits.ShortText || a.Any(char.IsControl) || a.Trim().Length != a.Length))
            yield return new ValidationResult("Palvelualue on tyhjä, liian pitkä tai siinä on ohjausmerkkejä.", [nameof(ServiceAreas)]);
    }
}

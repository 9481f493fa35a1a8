using System.ComponentModel.DataAnnotations;
using SosRap.Models;

namespace SosRap.Api.Contracts;

/// <summary>
/// A phenomenon report as a worker fills it in: the body of <c>POST /api/reports</c> and
/// <c>PUT /api/reports/{id}</c>. Texts are redacted for personal data before anything is stored.
/// </summary>
public sealed record ReportInput : IValidatableObject
{
    /// <summary>Who should act, as the regions' forms list them.</summary>
    public static readonly string[] ResponsibleValues =
        ["hyvinvointialue", "kunta", "Kela", "työllisyyspalvelut", "järjestöt", "valtio", "seurakunta", "pankit", "muu"];

    /// <summary>The phenomenon (ilmiö): what was seen, in the worker's words.</summary>
    [Required(ErrorMessage = "Ilmiön kuvaus (phenomenon) puuttuu tai on tyhjä.")]
    [StringLength(Limits.Phenomenon, ErrorMessage = "Ilmiön kuvaus saa olla enintään {1} merkkiä.")]
    [FreeText]
    public string Phenomenon { get; init; } = "";

    /// <summary>The proposal (toimenpide-ehdotus); may be empty.</summary>
    [StringLength(Limits.Proposal, ErrorMessage = "Toimenpide-ehdotus saa olla enintään {1} merkkiä.")]
    [FreeText]
    public string? Proposal { get; init; }

    /// <summary>The municipality the phenomenon concerns.</summary>
    [StringLength(Limits.ShortText, ErrorMessage = "Kenttä {0} saa olla enintään {1} merkkiä.")]
    [SingleLine]
    public string? Municipality { get; init; }

    /// <summary>The service area (palvelualue); its supervisors handle the report.</summary>
    [Required(ErrorMessage = "Palvelualue (service_area) puuttuu.")]
    [StringLength(Limits.ShortText, ErrorMessage = "Kenttä {0} saa olla enintään {1} merkkiä.")]
    [SingleLine]
    public string ServiceArea { get; init; } = "";

    /// <summary>When the phenomenon was reported; today (Finnish time) when left out. Not in the future.</summary>
    public DateOnly? ReportedAt { get; init; }

    /// <summary>A problem (<c>epakohta</c>, default) or a good practice (<c>hyva_kaytanto</c>).</summary>
    public ReportKind Kind { get; init; } = ReportKind.Epakohta;

    /// <summary>Rough estimate of how many clients it concerns.</summary>
    [Range(0, Limits.AffectedClients, ErrorMessage = "Kentän {0} pitää olla välillä {1}–{2}.")]
    public int? AffectedClients { get; init; }

    /// <summary>Who should act: hyvinvointialue, kunta, Kela, työllisyyspalvelut, järjestöt, valtio, seurakunta, pankit or muu.</summary>
    [AllowedValues(null, "hyvinvointialue", "kunta", "Kela", "työllisyyspalvelut", "järjestöt", "valtio", "seurakunta", "pankit", "muu",
        ErrorMessage = "Vastuutaho (responsible) ei ole sallittu; sallitut: hyvinvointialue, kunta, Kela, työllisyyspalvelut, järjestöt, valtio, seurakunta, pankit, muu.")]
    public string? Responsible { get; init; }

    /// <summary>ISO 639-1 language code of the texts: <c>fi</c> (default), <c>sv</c>, …</summary>
    [RegularExpression("^[a-z]{2}$", ErrorMessage = "Kieli (language) pitää antaa ISO 639-1 -koodina, esim. fi tai sv.")]
    public string Language { get; init; } = "fi";

    /// <summary>Categories the author proposes (ids of the current taxonomy); the supervisor confirms them.</summary>
    [MaxLength(Limits.CategoriesPerReport, ErrorMessage = "Luokkia saa olla enintään {1}.")]
    public IReadOnlyList<string>? Categories { get; init; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReportedAt is { } date && (date.Year < 2000 || date > DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1))))
            yield return new ValidationResult("Raportointipäivä (reported_at) ei voi olla tulevaisuudessa eikä ennen vuotta 2000.", [nameof(ReportedAt)]);
        if (Categories is not null)
        {
            for (var i = 0; i < Categories.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(Categories[i]) || Categories[i].Length > Limits.ShortText)
                    yield return new ValidationResult($"Luokka {i + 1} on tyhjä tai liian pitkä.", [nameof(Categories)]);
            }

            if (Categories.Distinct(StringComparer.Ordinal).Count() != Categories.Count)
                yield return new ValidationResult("Sama luokka on annettu kahdesti.", [nameof(Categories)]);
        }
    }
}

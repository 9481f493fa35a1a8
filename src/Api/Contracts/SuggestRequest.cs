using System.ComponentModel.DataAnnotations;

namespace SosRap.Api.Contracts;

/// <summary>Body of <c>POST /api/suggest</c> (as in Annif): a bare text → ranked categories. The text is redacted first and never stored.</summary>
public sealed record SuggestRequest
{
    /// <summary>The text to categorise.</summary>
    [Required(ErrorMessage = "Teksti (text) puuttuu tai on tyhjä.")]
    [StringLength(Limits.SuggestText, ErrorMessage = "Teksti saa olla enintään {1} merkkiä.")]
    [FreeText]
    public string Text { get; init; } = "";

    /// <summary>Most suggestions to return (1–50, default 10).</summary>
    [Range(1, 50, ErrorMessage = "Kentän {0} pitää olla välillä {1}–{2}.")]
    public int Limit { get; init; } = 10;

    /// <summary>Smallest score to return (0–1, default 0).</summary>
    [Range(0.0, 1.0, ErrorMessage = "Kentän {0} pitää olla välillä {1}–{2}.")]
    public double Threshold { get; init; }

    /// <summary>ISO 639-1 language of the text (default <c>fi</c>).</summary>
    [RegularExpression("^[a-z]{2}$", ErrorMessage = "Kieli (language) pitää antaa ISO 639-1 -koodina, esim. fi tai sv.")]
    public string Language { get; init; } = "fi";
}

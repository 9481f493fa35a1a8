namespace SosRap.Models;

/// <summary>What a report describes. Serialised as <c>epakohta</c> / <c>hyva_kaytanto</c>.</summary>
public enum ReportKind
{
    /// <summary>A structural problem (epäkohta); the default.</summary>
    Epakohta = 0,

    /// <summary>A good practice worth spreading (hyvä käytäntö).</summary>
    HyvaKaytanto = 1,
}

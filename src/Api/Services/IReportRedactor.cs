namespace SosRap.Api.Services;

/// <summary>
/// Removes personal data from report texts before anything is stored, indexed, analysed or shown.
/// Implementations are thread-safe and never log the text.
/// </summary>
internal interface IReportRedactor
{
    /// <summary>Returns <paramref name="text"/> with personal data replaced by placeholders (<c>[NIMI]</c>, <c>[HETU]</c> …) and what was found.</summary>
    RedactedText Redact(string text);
}

/// <summary>A redacted text and the number of findings per kind (wire names: <c>hetu</c>, <c>iban</c>, <c>sahkoposti</c>, <c>puhelin</c>, <c>osoite</c>, <c>nimi</c>).</summary>
internal sealed record RedactedText(string Text, IReadOnlyDictionary<string, int> Counts)
{
    public int Total => Counts.Values.Sum();
}

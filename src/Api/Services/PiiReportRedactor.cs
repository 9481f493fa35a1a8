using SosRap.Pipeline.Text.Pii;

namespace SosRap.Api.Services;

/// <summary>
/// The service's redaction seam over the pipeline's <see cref="IPiiRedactor"/>: identity codes,
/// IBANs, e-mail addresses, phone numbers, street addresses and names become placeholders. Only
/// kinds and counts leave this class; the original text is dropped with the request.
/// </summary>
internal sealed class PiiReportRedactor(IPiiRedactor redactor) : IReportRedactor
{
    public RedactedText Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return new RedactedText(text, new Dictionary<string, int>());
        var result = redactor.Redact(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in result.Redactions)
        {
            var name = WireName(r.Kind);
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        return new RedactedText(result.Text, counts);
    }

    /// <summary>The name a kind has in the API's redaction summary.</summary>
    public static string WireName(PiiKind kind) => kind switch
    {
        PiiKind.IdentityCode => "hetu",
        PiiKind.Iban => "iban",
        PiiKind.Email => "sahkoposti",
        PiiKind.Phone => "puhelin",
        PiiKind.Address => "osoite",
        PiiKind.Name => "nimi",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of personal data."),
    };
}

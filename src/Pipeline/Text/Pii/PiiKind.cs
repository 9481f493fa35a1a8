namespace SosRap.Pipeline.Text.Pii;

/// <summary>A kind of personal data that redaction removes. Where two findings overlap, the earlier kind in this list wins.</summary>
public enum PiiKind
{
    /// <summary>A Finnish personal identity code (henkilötunnus) with a valid date, century sign and check character: <c>[HETU]</c>.</summary>
    IdentityCode,

    /// <summary>An IBAN account number with a valid length and mod-97 checksum: <c>[IBAN]</c>.</summary>
    Iban,

    /// <summary>An e-mail address: <c>[SÄHKÖPOSTI]</c>.</summary>
    Email,

    /// <summary>A Finnish or international phone number: <c>[PUHELIN]</c>.</summary>
    Phone,

    /// <summary>A street address with its house number (and postal code and town when given): <c>[OSOITE]</c>.</summary>
    Address,

    /// <summary>A person's name: <c>[NIMI]</c>.</summary>
    Name,
}

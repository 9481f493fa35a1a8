namespace SosRap.Pipeline.Text;

/// <summary>What a token is; analysis stages decide which kinds they use.</summary>
public enum TokenKind
{
    /// <summary>A word of letters, possibly hyphenated (<c>TE-toimisto</c>, <c>sosiaali-</c>).</summary>
    Word,

    /// <summary>An abbreviation with its period(s) (<c>esim.</c>, <c>ns.</c>).</summary>
    Abbreviation,

    /// <summary>A number, possibly with decimals or thousands groups.</summary>
    Number,

    /// <summary>A date such as <c>1.1.2024</c> or <c>2024-01-01</c>.</summary>
    Date,

    /// <summary>A sum of money (<c>1 200 €</c>).</summary>
    Money,

    /// <summary>A web address.</summary>
    Url,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>Punctuation.</summary>
    Punctuation,

    /// <summary>Any other symbol, including an emoji with its modifiers.</summary>
    Symbol,

    /// <summary>A percentage with its sign (<c>25 %</c>, <c>3,5%</c>).</summary>
    Percentage,

    /// <summary>
    /// Punctuation that ends a sentence (<c>.</c>, <c>!</c>, <c>?</c>, <c>…</c>). A period kept inside an
    /// abbreviation, an ordinal or a date is not one.
    /// </summary>
    SentenceEnd,

    /// <summary>A placeholder left by PII redaction (<c>[NIMI]</c>, <c>[HETU]</c> …).</summary>
    Redacted,
}

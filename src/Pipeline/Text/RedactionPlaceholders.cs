using System.Collections.Frozen;

namespace SosRap.Pipeline.Text;

/// <summary>
/// The placeholders PII redaction writes in place of what it removed. The tokenizer recognises
/// them so later stages can skip them rather than lemmatize "NIMI" as a word.
/// </summary>
internal static class RedactionPlaceholders
{
    public const string IdentityCode = "[HETU]";
    public const string Phone = "[PUHELIN]";
    public const string Email = "[SÄHKÖPOSTI]";
    public const string Iban = "[IBAN]";
    public const string Address = "[OSOITE]";
    public const string Name = "[NIMI]";

    /// <summary>The longest placeholder, brackets included.</summary>
    public const int MaxLength = 12;

    private static readonly FrozenSet<string> All =
        FrozenSet.Create(StringComparer.Ordinal, IdentityCode, Phone, Email, Iban, Address, Name);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        All.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="text"/> is exactly one placeholder, brackets included.</summary>
    public static bool IsPlaceholder(ReadOnlySpan<char> text) => Lookup.Contains(text);
}

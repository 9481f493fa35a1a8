using System.Collections.Frozen;

namespace SosRap.Pipeline.Text.Pii;

/// <summary>
/// IBAN account numbers, written together or in groups separated by single spaces
/// (<c>FI21 1234 5600 0007 85</c>). Taken only when the country's IBAN length matches and the
/// ISO 13616 mod-97 checksum is 1.
/// </summary>
internal static class IbanDetector
{
    private const int MaxLength = 34;

    // IBAN lengths by country (SWIFT IBAN registry).
    private static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22,
        ["BH"] = 22, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22,
        ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FO"] = 18, ["FR"] = 27,
        ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HR"] = 21, ["HU"] = 28,
        ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26, ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20,
        ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MD"] = 24,
        ["ME"] = 22, ["MK"] = 19, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NL"] = 18, ["NO"] = 15, ["PK"] = 24,
        ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["SA"] = 24, ["SC"] = 31,
        ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["ST"] = 25, ["SV"] = 28, ["TL"] = 23, ["TN"] = 24,
        ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> LengthLookup =
        Lengths.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Appends every valid IBAN in <paramref name="text"/> to <paramref name="found"/>.</summary>
    public static void Find(ReadOnlySpan<char> text, List<Redaction> found)
    {
        int i = 0;
        while (i + 4 <= text.Length)
        {
            int next = text[i..].IndexOfAnyInRange('A', 'Z');
            if (next < 0) return;
            i += next;
            if (i + 4 <= text.Length && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && TryMatch(text, i, out int end))
            {
                found.Add(new Redaction(PiiKind.Iban, i, end - i));
                i = end;
                continue;
            }

            i++;
        }
    }

    /// <summary>Whether <paramref name="iban"/> is one valid IBAN, with or without group spaces.</summary>
    public static bool IsValid(ReadOnlySpan<char> iban) => TryMatch(iban, 0, out int end) && end == iban.Length;

    private static bool TryMatch(ReadOnlySpan<char> text, int start, out int end)
    {
        end = start;
        int n = text.Length;
        if (start + 4 > n || !char.IsAsciiLetterUpper(text[start]) || !char.IsAsciiLetterUpper(text[start + 1])
            || !char.IsAsciiDigit(text[start + 2]) || !char.IsAsciiDigit(text[start + 3]))
            return false;
        if (!LengthLookup.TryGetValue(text.Slice(start, 2), out int length)) return false;

        Span<char> chars = stackalloc char[MaxLength];
        int count = 0;
        int k = start;
        while (count < length && k < n)
        {
            char c = text[k];
            if (char.IsAsciiLetterOrDigit(c))
            {
                chars[count++] = char.ToUpperInvariant(c);
                k++;
            }
            else if (c is ' ' or '\u00A0' && count >= 4 && k + 1 < n && char.IsAsciiLetterOrDigit(text[k + 1]))
            {
                k++; // one space between groups
            }
            else
            {
                break;
            }
        }

        if (count != length || (k < n && char.IsLetterOrDigit(text[k]))) return false;
        if (Mod97(chars[..length]) != 1) return false;
        end = k;
        return true;
    }

    /// <summary>ISO 13616: move the first four characters to the end, letters become 10–35, the number mod 97.</summary>
    private static int Mod97(ReadOnlySpan<char> iban)
    {
        int remainder = 0;
        for (int k = 0; k < iban.Length; k++)
        {
            char c = iban[(k + 4) % iban.Length];
            remainder = char.IsAsciiDigit(c)
                ? ((remainder * 10) + (c - '0')) % 97
                : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }
}

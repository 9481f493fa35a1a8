namespace SosRap.Pipeline.Text.Pii;

/// <summary>
/// Phone numbers as Finns write them: <c>040 123 4567</c>, <c>044-1234567</c>, <c>0401234567</c>,
/// <c>09 123 4567</c>, <c>(09) 1234 567</c>, <c>+358 40 1234567</c>, <c>+358 (0)40 123 4567</c>,
/// <c>00358 40 123 4567</c>, and other countries' numbers after <c>+</c>.
/// </summary>
/// <remarks>
/// Digits in groups separated by single spaces or hyphens. A domestic number starts with <c>0</c>
/// and a valid prefix (mobile <c>04x</c>/<c>050</c>, area codes <c>02</c>–<c>09</c> and <c>013</c>–<c>019</c>,
/// service numbers <c>010</c>, <c>020</c>, <c>030</c> …) and has 7–11 digits (9 or more for a mobile
/// number or one written without separators). Sums, percentages, decimals, dates, years,
/// thousands groups (<c>1 040 000</c>) and identity-code-like shapes are not taken.
/// </remarks>
internal static class PhoneNumberDetector
{
    private const int MaxDigits = 15;
    private const int BufferDigits = 32;
    private const int MaxGroups = 8;

    /// <summary>Appends every phone number in <paramref name="text"/> to <paramref name="found"/>.</summary>
    public static void Find(ReadOnlySpan<char> text, List<Redaction> found)
    {
        int i = 0;
        while (i < text.Length)
        {
            int next = text[i..].IndexOfAny("+(0");
            if (next < 0) return;
            i += next;
            if (BoundaryBefore(text, i) && TryMatch(text, i, out int end))
            {
                found.Add(new Redaction(PiiKind.Phone, i, end - i));
                i = end;
                continue;
            }

            // A number starts at the beginning of a digit run; skip the rest of this one.
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
    }

    private static bool BoundaryBefore(ReadOnlySpan<char> text, int i)
    {
        if (i == 0) return true;
        char p = text[i - 1];
        if (char.IsLetterOrDigit(p) || p == '+') return false;
        // "1,05", "12.05", "2024-05", "3/05": part of a longer number.
        if (p is ',' or '.' or ':' or '-' or '/' && i >= 2 && char.IsAsciiDigit(text[i - 2])) return false;
        // "1 040 000": a thousands group after a number of one to three digits.
        if (IsSpace(p) && i >= 2 && char.IsAsciiDigit(text[i - 2]))
        {
            int run = 0;
            for (int k = i - 2; k >= 0 && run < 4 && char.IsAsciiDigit(text[k]); k--) run++;
            if (run <= 3) return false;
        }

        return true;
    }

    private static bool TryMatch(ReadOnlySpan<char> text, int start, out int end)
    {
        end = start;
        int n = text.Length;
        int k = start;
        bool international = false;
        bool inParenthesis = false;
        if (text[k] == '+')
        {
            international = true;
            k++;
        }
        else if (text[k] == '(')
        {
            if (k + 1 >= n || text[k + 1] != '0') return false;
            inParenthesis = true;
            k++;
        }

        Span<char> digits = stackalloc char[BufferDigits];
        Span<int> groupEnds = stackalloc int[MaxGroups];
        Span<int> groupDigits = stackalloc int[MaxGroups];
        Span<char> separators = stackalloc char[MaxGroups];
        int count = 0;
        int groups = 0;
        bool separated = false;
        while (groups < MaxGroups)
        {
            int runStart = k;
            int countBefore = count;
            while (k < n && char.IsAsciiDigit(text[k]) && count < BufferDigits) digits[count++] = text[k++];

            // No digits, or more than any phone number has: the groups before are all there is.
            if (k == runStart || (k < n && char.IsAsciiDigit(text[k])))
            {
                count = countBefore;
                break;
            }

            groupEnds[groups] = k;
            groupDigits[groups] = count;
            separators[groups] = '\0';
            groups++;

            if (inParenthesis)
            {
                if (k >= n || text[k] != ')') return false;
                inParenthesis = false;
                k++;
                if (k < n && IsSpace(text[k])) k++;
                separated = true;
                if (k < n && char.IsAsciiDigit(text[k])) continue;
                break;
            }

            // "+358 (0)40 …": the trunk zero in brackets after the country code.
            if (international && groups == 1)
            {
                int z = k < n && IsSpace(text[k]) ? k + 1 : k;
                if (z + 3 < n && text[z] == '(' && text[z + 1] == '0' && text[z + 2] == ')')
                {
                    k = z + 3;
                    if (k < n && IsSpace(text[k])) k++;
                    separated = true;
                    continue;
                }
            }

            if (k + 1 < n && (IsSpace(text[k]) || text[k] is '-' or '\u2011') && char.IsAsciiDigit(text[k + 1]))
            {
                separators[groups - 1] = text[k];
                separated = true;
                k++;
                continue;
            }

            break;
        }

        if (groups == 0) return false;

        // Longest prefix of whole groups that is a valid number and ends at a boundary.
        for (int g = groups - 1; g >= 0; g--)
        {
            var number = digits[..groupDigits[g]];
            bool hasSeparator = separated && g > 0;
            if (IsPlausible(number, international, hasSeparator, groupDigits[..(g + 1)], separators[..(g + 1)])
                && BoundaryAfter(text, groupEnds[g]))
            {
                end = groupEnds[g];
                return true;
            }
        }

        return false;
    }

    private static bool IsPlausible(ReadOnlySpan<char> d, bool international, bool separated, ReadOnlySpan<int> digitsAfterGroup, ReadOnlySpan<char> separators)
    {
        if (international) return IsInternational(d);
        if (d.Length < 2 || d[0] != '0') return false;
        if (d[1] == '0') return d.Length > 2 && IsInternational(d[2..]);

        if (d.Length is < 7 or > 11) return false;
        if (d[1] == '1' && d.Length > 2 && d[2] is '1' or '2') return false; // 011, 012 are no prefixes
        bool mobile = d[1] == '4' || (d[1] == '5' && d[2] == '0');
        if (mobile && d.Length < 9) return false;
        if (!separated && d.Length < 9) return false;

        // Identity-code-like "010190-1234", dates "01-02-2024", "01 02 24".
        if (digitsAfterGroup.Length > 1 && digitsAfterGroup[0] == 6 && separators[0] == '-') return false;
        if (digitsAfterGroup.Length == 3 && digitsAfterGroup[0] == 2 && digitsAfterGroup[1] == 4 && digitsAfterGroup[2] is 6 or 8) return false;
        return true;
    }

    private static bool IsInternational(ReadOnlySpan<char> d)
    {
        if (d.Length == 0 || d[0] == '0') return false;
        if (d.StartsWith("358"))
        {
            var national = d[3..];
            if (national.Length > 0 && national[0] == '0') national = national[1..];
            return national.Length is >= 6 and <= 10 && national[0] != '0';
        }

        return d.Length is >= 8 and <= MaxDigits;
    }

    private static bool BoundaryAfter(ReadOnlySpan<char> text, int end)
    {
        int n = text.Length;
        if (end >= n) return true;
        char c = text[end];
        if (char.IsLetterOrDigit(c)) return false;
        if (c is ',' or '.' or '-' or '/' or ':' && end + 1 < n && char.IsAsciiDigit(text[end + 1])) return false;

        // A sum or a percentage: "0400 €", "050 %", "0401 euroa".
        int k = end < n && IsSpace(text[end]) ? end + 1 : end;
        if (k < n)
        {
            if (text[k] is '€' or '%') return false;
            if (text[k] == 'e' && (k + 1 == n || !char.IsLetter(text[k + 1]))) return false;
            if (text[k..].StartsWith("euro", StringComparison.OrdinalIgnoreCase)) return false;
        }

        return true;
    }

    private static bool IsSpace(char c) => c is ' ' or '\u00A0' or '\u2009' or '\u202F';
}

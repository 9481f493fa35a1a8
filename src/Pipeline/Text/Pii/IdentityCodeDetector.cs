namespace SosRap.Pipeline.Text.Pii;

/// <summary>
/// Finnish personal identity codes (henkilötunnus): <c>DDMMYYCZZZQ</c> — birth date, century sign,
/// individual number and check character. The century signs are <c>+</c> (1800s), <c>-</c> and since
/// 2023 <c>Y X W V U</c> (1900s), and <c>A</c> and since 2023 <c>B C D E F</c> (2000s). The check
/// character is <c>DDMMYYZZZ mod 31</c> looked up in <c>0123456789ABCDEFHJKLMNPRSTUVWXY</c>.
/// A code is taken only when its date exists, its individual number is 002–999 and the check
/// character matches, so case numbers and bare six-digit numbers are left alone.
/// </summary>
internal static class IdentityCodeDetector
{
    public const int Length = 11;
    private const string CheckCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    /// <summary>Appends every valid identity code in <paramref name="text"/> to <paramref name="found"/>.</summary>
    public static void Find(ReadOnlySpan<char> text, List<Redaction> found)
    {
        int i = 0;
        while (i + Length <= text.Length)
        {
            int next = text[i..].IndexOfAnyInRange('0', '9');
            if (next < 0) return;
            i += next;
            if (i + Length > text.Length) return;
            if ((i == 0 || !char.IsLetterOrDigit(text[i - 1]))
                && (i + Length == text.Length || !char.IsLetterOrDigit(text[i + Length]))
                && IsValid(text.Slice(i, Length)))
            {
                found.Add(new Redaction(PiiKind.IdentityCode, i, Length));
                i += Length;
                continue;
            }

            // A code starts at the beginning of a digit run; skip the rest of this one.
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
    }

    /// <summary>Whether <paramref name="code"/> is exactly one valid identity code (upper or lower case).</summary>
    public static bool IsValid(ReadOnlySpan<char> code)
    {
        if (code.Length != Length) return false;
        for (int k = 0; k < 6; k++)
        {
            if (!char.IsAsciiDigit(code[k])) return false;
        }

        for (int k = 7; k < 10; k++)
        {
            if (!char.IsAsciiDigit(code[k])) return false;
        }

        int century = CenturyOf(code[6]);
        if (century == 0) return false;

        int day = Digits(code[..2]);
        int month = Digits(code.Slice(2, 2));
        int year = century + Digits(code.Slice(4, 2));
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;

        int individual = Digits(code.Slice(7, 3));
        if (individual < 2) return false;

        int number = (Digits(code[..6]) * 1000) + individual;
        return char.ToUpperInvariant(code[10]) == CheckCharacters[number % 31];
    }

    /// <summary>The first year of the century a sign stands for, or 0 when it is no century sign.</summary>
    private static int CenturyOf(char sign) => char.ToUpperInvariant(sign) switch
    {
        '+' => 1800,
        // The hyphen is often typed as a Unicode hyphen or dash in word processors.
        '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212' or 'Y' or 'X' or 'W' or 'V' or 'U' => 1900,
        'A' or 'B' or 'C' or 'D' or 'E' or 'F' => 2000,
        _ => 0,
    };

    private static int Digits(ReadOnlySpan<char> s)
    {
        int v = 0;
        foreach (var c in s) v = (v * 10) + (c - '0');
        return v;
    }
}

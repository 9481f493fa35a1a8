namespace SosRap.Pipeline.Text;

/// <summary>
/// Guesses the nominative of an inflected word that no dictionary knows — mostly foreign names and
/// loanwords (<c>Kalymnokselle</c> → <c>Kalymnos</c>, <c>Leafin</c> → <c>Leaf</c>, <c>Arduinoon</c> →
/// <c>Arduino</c>) — from the regular shapes of Finnish case endings on such stems: <c>-kse-</c> for
/// <c>-s</c> stems, the linking <c>-i-</c> after a consonant-final stem, and illatives that repeat the
/// stem vowel. Partitives in a bare <c>-a</c> are left alone: too many nominatives end that way.
/// </summary>
internal static class ProperNameGuesser
{
    private const int MinimumStem = 3;

    // Longest first. The -kse- endings restore a final -s (Iglesiaksen → Iglesias).
    private static readonly string[] KseEndings =
    [
        "ksessa", "ksessä", "ksesta", "ksestä", "kselle", "ksella", "ksellä", "kselta", "kseltä", "kseen", "ksena",
        "ksenä", "ksen", "ksia", "ksiä",
    ];

    private static readonly string[] CaseEndings =
    [
        "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi",
    ];

    /// <summary>The guessed nominative, or <see langword="null"/> when no ending fits.</summary>
    public static string? Guess(string word)
    {
        if (word.Length < MinimumStem + 1)
        {
            return null;
        }

        foreach (var ending in KseEndings)
        {
            if (EndsWith(word, ending) && word.Length - ending.Length >= MinimumStem && IsVowel(word[^(ending.Length + 1)]))
            {
                return word[..^ending.Length] + "s";
            }
        }

        // Illative that repeats the stem vowel: Arduinoon → Arduino, Musiciin → Music(i).
        if (word.Length >= MinimumStem + 3 && word[^1] == 'n' && IsVowel(word[^2]) && char.ToLowerInvariant(word[^2]) == char.ToLowerInvariant(word[^3]))
        {
            return DropLinkingVowel(word[..^2]);
        }

        foreach (var ending in CaseEndings)
        {
            if (EndsWith(word, ending) && word.Length - ending.Length >= MinimumStem && IsVowel(word[^(ending.Length + 1)]))
            {
                return DropLinkingVowel(word[..^ending.Length]);
            }
        }

        // Genitive with the linking -i- of a consonant-final stem (Leafin → Leaf). A bare -n is left
        // alone: as many foreign nominatives end in -n (Theron, Garden) as genitives do.
        if (word.Length >= MinimumStem + 2 && EndsWith(word, "in") && !IsVowel(word[^3]) && char.IsLetter(word[^3]))
        {
            return word[..^2];
        }

        // Doubled final vowel of a partitive: Hypatiaa → Hypatia.
        if (word.Length >= MinimumStem + 2 && (EndsWith(word, "aa") || EndsWith(word, "ää")) && IsVowel(word[^3]))
        {
            return word[..^1];
        }

        return null;
    }

    // Consonant-final loanwords take a linking -i- before endings (Leaf → Leafin, Center → Centeristä).
    private static string DropLinkingVowel(string stem) =>
        stem.Length > MinimumStem && stem[^1] == 'i' && !IsVowel(stem[^2]) && char.IsLetter(stem[^2]) ? stem[..^1] : stem;

    private static bool EndsWith(string word, string ending) => word.EndsWith(ending, StringComparison.OrdinalIgnoreCase);

    private static bool IsVowel(char c) => "aeiouyäöåAEIOUYÄÖÅ".Contains(c, StringComparison.Ordinal);
}

namespace SosRap.Pipeline.Text.Pii;

/// <summary>
/// Street addresses: a street name followed by a house number, with the staircase, flat number,
/// postal code and town when they follow (<c>Kauppakatu 12 A 3, 87100 Kajaani</c>, <c>Koulutie 5 B</c>,
/// <c>Pohjolankatu 3</c>, <c>Kauppakadulla 12</c>, <c>Aleksis Kiven katu 5</c>, <c>Storgatan 4</c>).
/// A street name without a number is not an address by itself and is left alone, as are road
/// numbers (<c>valtatie 22</c>).
/// </summary>
internal static class AddressDetector
{
    // Last parts of street names, with the stems their case forms use ("kadulla", "tiellä", "rinteellä").
    private static readonly string[] StreetStems =
    [
        "katu", "kadu", "tie", "kuja", "polku", "polu", "väylä", "raitti", "raiti", "kaari", "kaare",
        "rinne", "rintee", "aukio", "puistikko", "puistiko", "tanhua", "kaarre", "kaartee",
        "ranta", "ranna", "bulevardi", "esplanadi",
        "gatan", "gata", "vägen", "väg", "gränd", "stigen", "backen",
    ];

    private static readonly string[] StreetEndings =
        ["", "n", "lla", "llä", "lta", "ltä", "lle", "ssa", "ssä", "sta", "stä", "a", "ä", "lle"];

    // Numbered roads ("valtatie 22") and everyday words that end like street names ("palvelupolku").
    private static readonly string[] NotStreets =
    [
        "valtatie", "kantatie", "seututie", "maantie", "yhdystie", "moottoritie", "rautatie", "kehätie", "ohitustie",
        "metsätie", "palvelupolku", "hoitopolku", "asiakaspolku", "opintopolku", "elämänkaari", "elinkaari",
    ];

    /// <summary>Appends the street addresses among <paramref name="view"/>'s tokens to <paramref name="found"/>.</summary>
    public static void Find(TokenView view, List<Redaction> found)
    {
        for (int t = 0; t < view.Count; t++)
        {
            // Cheap test first: most words are not followed by a small number.
            if (view.Tokens[t].Kind != TokenKind.Word || !view.FollowedOnSameLine(t) || !view.IsSmallNumber(t + 1, out int end)) continue;
            int first = t;
            var word = view[t];
            if (char.IsUpper(word[0]) && IsCompoundStreetName(word))
            {
                // "Kauppakatu"
            }
            else if (char.IsLower(word[0]) && IsStreetPart(word) && t > 0 && view.FollowedOnSameLine(t - 1) && view.IsNameShaped(t - 1))
            {
                // "Aleksis Kiven katu": capitalised words before a separate street word.
                first = t - 1;
                if (first > 0 && view.FollowedOnSameLine(first - 1) && view.IsNameShaped(first - 1)) first--;
            }
            else
            {
                continue;
            }

            int last = t + 1;

            // "12-14"
            if (last + 2 < view.Count && view.Tokens[last + 1].Length == 1 && view.Text[view.Tokens[last + 1].Start] is '-' or '–'
                && view.Tokens[last + 1].Start == view.Tokens[last].End && view.IsSmallNumber(last + 2, out int rangeEnd))
            {
                last += 2;
                end = rangeEnd;
            }

            // Staircase and flat: "A 3", "B", "as. 3", "as 3".
            if (view.FollowedOnSameLine(last) && IsStaircase(view, last + 1))
            {
                last++;
                end = view.Tokens[last].End;
                if (view.FollowedOnSameLine(last) && view.IsSmallNumber(last + 1, out int flatEnd))
                {
                    last++;
                    end = flatEnd;
                }
            }
            else if (view.FollowedOnSameLine(last) && last + 2 < view.Count && view[last + 1] is "as." or "as" or "asunto"
                     && view.FollowedOnSameLine(last + 1) && view.IsSmallNumber(last + 2, out int apartmentEnd))
            {
                last += 2;
                end = apartmentEnd;
            }

            // ", 87100 Kajaani" or " 87100 Kajaani".
            int p = last + 1;
            if (p < view.Count && view[p] is "," && view.Tokens[p].Start == view.Tokens[last].End) p++;
            if (p + 1 < view.Count && IsPostalCode(view, p) && view.FollowedOnSameLine(p) && view.IsNameShaped(p + 1)
                && view.Text[view.Tokens[p - 1].End..view.Tokens[p].Start].IndexOfAny('\n', '\r') < 0)
            {
                last = p + 1;
                end = view.Tokens[last].End;
            }

            found.Add(new Redaction(PiiKind.Address, view.Tokens[first].Start, end - view.Tokens[first].Start));
            t = last;
        }
    }

    private static bool IsStaircase(TokenView view, int t)
    {
        if (t >= view.Count) return false;
        var token = view.Tokens[t];
        if (token.Kind != TokenKind.Word || token.Length != 1) return false;
        char c = view.Text[token.Start];
        return char.IsUpper(c);
    }

    private static bool IsPostalCode(TokenView view, int t)
    {
        var token = view.Tokens[t];
        if (token.Kind != TokenKind.Number || token.Length != 5) return false;
        foreach (var c in view[t])
        {
            if (!char.IsAsciiDigit(c)) return false;
        }

        return true;
    }

    /// <summary>A capitalised compound ending in a street word: "Kauppakatu", "Koulutiellä"; not "Tie", not "Valtatie".</summary>
    private static bool IsCompoundStreetName(ReadOnlySpan<char> word)
    {
        foreach (var notStreet in NotStreets)
        {
            if (word.StartsWith(notStreet, StringComparison.OrdinalIgnoreCase)) return false;
        }

        foreach (var stem in StreetStems)
        {
            foreach (var ending in StreetEndings)
            {
                int tail = stem.Length + ending.Length;
                if (word.Length >= tail + 2
                    && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase)
                    && word[..^ending.Length].EndsWith(stem, StringComparison.OrdinalIgnoreCase))
                    return true;
            }
        }

        return false;
    }

    /// <summary>A street word on its own, as in "Aleksis Kiven katu": "katu", "kadulla", "tie".</summary>
    private static bool IsStreetPart(ReadOnlySpan<char> word)
    {
        foreach (var stem in StreetStems)
        {
            if (stem.Length < 3 || !word.StartsWith(stem, StringComparison.Ordinal)) continue;
            var rest = word[stem.Length..];
            foreach (var ending in StreetEndings)
            {
                if (rest.SequenceEqual(ending)) return true;
            }
        }

        return false;
    }
}

using System.Collections.Frozen;

namespace SosRap.Pipeline.Text.Pii;

/// <summary>
/// The word lists behind name detection: first names (<c>data/first-names-fi.txt</c>), capitalised
/// words that are not names (<c>data/non-names-fi.txt</c>: places, organisations, months) and the role
/// words after which a capitalised word is a name ("asiakas", "äiti" …). Immutable; lookups on spans.
/// </summary>
internal sealed class NameLexicon
{
    private const int MinStemLength = 4;
    private const int MaxEndingLength = 9; // "ssaankin": the longest ending with a clitic

    // Role words, in the forms reports use, after which a capitalised word is a person's name.
    private static readonly string[] RoleWords =
    [
        "asiakas", "asiakkaan", "asiakkaalle", "asiakkaalla", "asiakkaalta", "asiakasta", "ak",
        "äiti", "äidin", "äidille", "äidillä", "äidiltä", "isä", "isän", "isälle", "isällä", "isältä",
        "poika", "pojan", "pojalle", "pojalla", "tytär", "tyttären", "tyttärelle", "tyttärellä",
        "puoliso", "puolison", "puolisolle", "avopuoliso", "avopuolison", "aviopuoliso", "vaimo", "vaimon", "aviomies",
        "naapuri", "naapurin", "omainen", "omaisen", "omaishoitaja", "omaishoitajan", "omaishoidettava",
        "veli", "veljen", "sisko", "siskon", "sisar", "sisaren", "isoäiti", "isoäidin", "isoisä", "isoisän",
        "mummo", "mummon", "mummi", "ukki", "vaari", "pappa", "setä", "sedän", "täti", "tädin", "eno", "enon",
        "serkku", "serkun", "lapsi", "lapsen", "vauva", "nuori", "nuoren", "potilas", "potilaan", "hoidettava",
        "edunvalvoja", "edunvalvojan", "tukihenkilö", "kumppani", "kumppanin", "ystävä", "ystävän",
        "rouva", "herra", "neiti", "sosiaalityöntekijä", "sosiaaliohjaaja", "työntekijä", "ohjaaja",
        "lääkäri", "hoitaja", "kuraattori", "perhetyöntekijä", "palveluohjaaja",
    ];

    // Case endings tried when a capitalised word is not a first name as such: "Liisan", "Ainolle", "Mattia".
    private static readonly string[] CaseEndings =
    [
        "ineen", "ille", "illa", "illä", "ilta", "iltä", "ista", "istä", "issa", "issä", "iksi",
        "lle", "lla", "llä", "lta", "ltä", "sta", "stä", "ssa", "ssä", "ksi", "kin",
        "na", "nä", "ta", "tä", "an", "än", "en", "in", "on", "un", "yn", "ön", "ia", "iä",
        "n", "a", "ä",
    ];

    // What may follow the stem of a place or organisation: a case ending ("Kajaan|issa", "Kela|lta"),
    // possibly with a clitic ("Kelakin"), a derivation ("Kajaani|lainen") or a hyphenated compound
    // ("Kela|-kortti"). Anything else ("Lapi|ntie") makes the word something else, e.g. a surname.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InflectionEndings = new[]
    {
        "", "n", "a", "ä", "t", "ta", "tä", "na", "nä", "ksi", "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä",
        "lle", "tta", "ttä", "ineen", "an", "en", "in", "on", "un", "yn", "än", "ön", "aan", "een", "iin", "oon",
        "uun", "yyn", "ään", "öön", "hin", "han", "hen", "hon", "hun", "hyn", "seen", "siin", "ea", "eä", "eksi",
        "ella", "ellä", "elta", "eltä", "elle", "essa", "essä", "esta", "estä", "ena", "enä", "et", "ien", "issa",
        "issä", "ista", "istä", "illa", "illä", "ilta", "iltä", "ille", "ia", "iä", "ja", "jä", "ihin", "iksi",
        "ina", "inä", "ssaan", "ssään", "staan", "stään", "llaan", "llään", "ltaan", "ltään", "lleen",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] Clitics = ["kin", "kaan", "kään", "han", "hän", "pa", "pä"];

    private readonly FrozenDictionary<string, bool> firstNames; // value: also an ordinary word
    private readonly FrozenDictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> firstNameLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> nonNameStems;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> roleWords;

    private NameLexicon(IEnumerable<KeyValuePair<string, bool>> firstNames, IEnumerable<string> nonNameStems)
    {
        this.firstNames = firstNames
            .GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.Any(p => p.Value), StringComparer.OrdinalIgnoreCase);
        firstNameLookup = this.firstNames.GetAlternateLookup<ReadOnlySpan<char>>();
        this.nonNameStems = nonNameStems.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        roleWords = RoleWords.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The built-in lists.</summary>
    public static NameLexicon Default { get; } = Create([], []);

    /// <summary>Number of first names known.</summary>
    public int FirstNameCount => firstNames.Count;

    /// <summary>The built-in lists plus <paramref name="extraFirstNames"/> and <paramref name="extraNonNames"/>.</summary>
    public static NameLexicon Create(IEnumerable<string> extraFirstNames, IEnumerable<string> extraNonNames)
    {
        var names = new List<KeyValuePair<string, bool>>();
        foreach (var (line, _) in EmbeddedLexicon.ReadEntries("first-names-fi.txt"))
        {
            bool ordinaryWord = line.EndsWith('*');
            names.Add(new(ordinaryWord ? line[..^1] : line, ordinaryWord));
        }

        names.AddRange(extraFirstNames.Select(n => new KeyValuePair<string, bool>(n.Trim(), false)));

        var stems = new List<string>();
        foreach (var (line, _) in EmbeddedLexicon.ReadEntries("non-names-fi.txt"))
        {
            var forms = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            AddStems(forms[0], stems);
            stems.AddRange(forms.Skip(1));
        }

        foreach (var word in extraNonNames) AddStems(word.Trim(), stems);
        return new NameLexicon(names, stems);
    }

    private static void AddStems(string entry, List<string> stems)
    {
        stems.Add(entry);
        // "Kajaani" → "Kajaan" covers "Kajaanissa", "Kajaanin".
        if (entry.Length - 1 >= MinStemLength) stems.Add(entry[..^1]);
    }

    /// <summary>Whether <paramref name="word"/> is a first name as such (not inflected).</summary>
    public bool IsFirstName(ReadOnlySpan<char> word) => firstNameLookup.ContainsKey(word);

    /// <summary>Whether the first name <paramref name="word"/> is also an ordinary word ("Toivo", "Kai").</summary>
    public bool IsOrdinaryWordToo(ReadOnlySpan<char> word) => firstNameLookup.TryGetValue(word, out bool ordinary) && ordinary;

    /// <summary>
    /// Whether <paramref name="word"/> is a first name, as such or in a case form: "Liisan", "Ainolle",
    /// and with the weak grade of a double consonant: "Pekan" (Pekka), "Matille" (Matti).
    /// </summary>
    public bool IsFirstNameForm(ReadOnlySpan<char> word)
    {
        if (IsFirstName(word)) return true;
        Span<char> strong = stackalloc char[64];
        foreach (var ending in CaseEndings)
        {
            if (word.Length - ending.Length < 3 || !word.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) continue;
            var stem = word[..^ending.Length];
            if (IsFirstName(stem)) return true;

            // Weak grade: the stem's consonant before its last vowel was doubled in the name.
            if (stem.Length + 1 <= strong.Length && stem[^2] is 'k' or 'p' or 't' && !IsConsonant(stem[^1]))
            {
                stem[..^1].CopyTo(strong);
                strong[stem.Length - 1] = stem[^2];
                strong[stem.Length] = stem[^1];
                if (IsFirstName(strong[..(stem.Length + 1)])) return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="word"/> is a known place, organisation, month … or an inflected form of one.</summary>
    public bool IsNonName(ReadOnlySpan<char> word)
    {
        // Only prefixes followed by something IsInflection can accept: a short ending, a hyphen or a derivation.
        for (int length = Math.Max(Math.Min(MinStemLength, word.Length), word.Length - MaxEndingLength); length <= word.Length; length++)
        {
            if (nonNameStems.Contains(word[..length]) && IsInflection(word[length..])) return true;
        }

        for (int k = MinStemLength; k < word.Length - MaxEndingLength; k++)
        {
            char c = word[k];
            bool boundary = c is '-' or '\u2010' or '\u2011'
                            || (c is 'l' or 'L' && k + 2 < word.Length && word[k + 1] is 'a' or 'ä' && word[k + 2] == 'i');
            if (boundary && nonNameStems.Contains(word[..k])) return true;
        }

        return false;
    }

    private static bool IsInflection(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty || rest[0] is '-' or '\u2010' or '\u2011') return true;
        if (rest.StartsWith("lai", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("läi", StringComparison.OrdinalIgnoreCase)) return true;
        if (InflectionEndings.Contains(rest)) return true;
        foreach (var clitic in Clitics)
        {
            if (rest.EndsWith(clitic, StringComparison.OrdinalIgnoreCase) && InflectionEndings.Contains(rest[..^clitic.Length])) return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="word"/> is a role word ("asiakas", "äiti", "AK" …) that introduces a name.</summary>
    public bool IsRoleWord(ReadOnlySpan<char> word) => roleWords.Contains(word);

    private static bool IsConsonant(char c) => char.IsLetter(c) && "aeiouyäöåAEIOUYÄÖÅ".IndexOf(c) < 0;
}

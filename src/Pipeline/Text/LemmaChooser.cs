using SosRap.Pipeline.Text.Voikko;

namespace SosRap.Pipeline.Text;

/// <summary>
/// Chooses among Voikko's analyses of one word form and turns the chosen one into a lemma that follows
/// the Universal Dependencies conventions for Finnish (UD_Finnish-TDT):
/// <list type="bullet">
/// <item>participles take the verb (<c>tehty</c> → <c>tehdä</c>) unless lexicalised as adjectives
/// (<c>tietty</c>); <c>-minen</c> forms are nouns (<c>tekemisestä</c> → <c>tekeminen</c>);</item>
/// <item>comparatives and superlatives take the positive (<c>suurempi</c> → <c>suuri</c>), as Voikko does;</item>
/// <item>adverbs and adpositions keep their own form (<c>sinne</c>, <c>alle</c>, <c>nopeasti</c>), where
/// Voikko normalises them (<c>siellä</c>, <c>alla</c>, <c>nopea</c>);</item>
/// <item>plural personal and demonstrative pronouns take the singular (<c>me</c> → <c>minä</c>);
/// the negation verb is <c>ei</c>.</item>
/// </list>
/// Analyses are ranked by plausibility rather than taken in Voikko's order: letter case against
/// proper-noun readings, fewer compound parts and derivations, particles over rare case forms, and
/// no rare moods (imperative, potential) when anything else fits.
/// </summary>
internal static class LemmaChooser
{
    /// <summary>How the word is written, which decides how proper-noun readings are weighed.</summary>
    internal enum Casing
    {
        /// <summary>Starts with a lower-case letter (or has no letters).</summary>
        Lower,

        /// <summary>Capitalised where capitals mean a name (not at the start of a sentence).</summary>
        Capitalized,

        /// <summary>Capitalised at the start of a sentence: a name or just the first word.</summary>
        SentenceInitial,

        /// <summary>All capitals (acronyms, headings).</summary>
        Upper,
    }

    /// <summary>Index of the best analysis in <paramref name="analyses"/> (non-empty).</summary>
    public static int Best(List<MorphAnalysis> analyses, ReadOnlySpan<char> word, Casing casing)
    {
        var best = 0;
        var bestScore = double.MaxValue;
        for (var i = 0; i < analyses.Count; i++)
        {
            var score = Score(analyses[i], word, i, casing);
            if (score < bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>The UD-style lemma of <paramref name="word"/> under <paramref name="analysis"/>.</summary>
    public static string LemmaOf(MorphAnalysis analysis, ReadOnlySpan<char> word)
    {
        var baseForm = analysis.BaseForm ?? word.ToString();
        switch (analysis.Class)
        {
            case "seikkasana" or "suhdesana":
                return AdverbLemma(analysis, word);
            case "kieltosana":
                return "ei";
            case "asemosana" when FinnishLexicon.PronounLemma.TryGetValue(baseForm.ToLowerInvariant(), out var singular):
                return singular;
        }

        if (analysis.Case == "kerrontosti")
        {
            // -sti adverbs are lemmas of their own (nopeasti), not the adjective (nopea).
            return AdverbLemma(analysis, word);
        }

        if (analysis.Mood == "MINEN-infinitive" && analysis.FstOutput is { } minenFst)
        {
            return FstOutput.MinenNoun(minenFst) ?? baseForm;
        }

        if (analysis.Participle is { } participle && participle != "negation"
            && analysis.Comparison is null or "positive"
            && analysis.FstOutput is { } fst
            && !FinnishLexicon.LexicalizedParticiples.Contains(baseForm.ToLowerInvariant()))
        {
            return FstOutput.ParticipleVerb(fst) ?? baseForm;
        }

        return baseForm;
    }

    private static double Score(MorphAnalysis a, ReadOnlySpan<char> word, int index, Casing casing)
    {
        // Voikko's order breaks ties.
        var score = index * 0.01;
        switch (a.Class)
        {
            case "etunimi" or "sukunimi" or "paikannimi" or "nimi":
                score += casing switch
                {
                    Casing.Lower => 10,
                    Casing.SentenceInitial => 0.5,
                    Casing.Capitalized => -3,
                    _ => 0,
                };
                break;
            case "sidesana" or "suhdesana" or "seikkasana" or "kieltosana":
                score -= 1.5;
                break;
            case "asemosana":
                score -= 0.5;
                break;
            case "etuliite":
                score += 2;
                break;
            case "lyhenne" when casing == Casing.Lower:
                score += 1;
                break;
        }

        // Each further compound part and each derivation makes a reading less likely.
        if (a.Structure is { } structure)
        {
            score += 0.8 * (structure.AsSpan().Count('=') - 1);
        }

        if (a.Participle is { } participle)
        {
            score += participle == "agent" ? 2 : 1.2;
        }

        // A form that is its own base form (maksaa, minä, pieni) beats an inflected form of another
        // word (maksa + partitive, mikä + essive). Not for nouns: a noun nominative is as often a verb's
        // past tense (tuli, toimi) as the other way round (vuosi, tuki), and only frequency could tell.
        if (a.Class != "nimisana" && a.BaseForm is { } baseForm && word.Equals(baseForm, StringComparison.OrdinalIgnoreCase))
        {
            score -= 0.3;
        }

        // Auxiliaries are among the most frequent words; their forms beat homographs (voi: voida / voi 'butter').
        if (a.Class == "teonsana" && a.BaseForm is { } verb && FinnishLexicon.Auxiliaries.Contains(verb))
        {
            score -= 0.5;
        }

        score += a.Case switch
        {
            "keinonto" or "seuranto" => 1,
            "kohdanto" => 0.5,
            _ => 0,
        };
        score += a.Mood switch
        {
            "imperative" => 0.7,
            "potential" => 1,
            "E-infinitive" => 0.5,
            _ => 0,
        };
        return score;
    }

    // The written form, lower-case, without a question or emphasis clitic (tänäänkö → tänään,
    // nythän → nyt); -kin/-kaan stay (ainakin), as do possessive suffixes (mielellään).
    private static string AdverbLemma(MorphAnalysis analysis, ReadOnlySpan<char> word)
    {
        var length = word.Length;
        if (analysis.FstOutput is { } fst)
        {
            var cut = FstOutput.SurfaceLengthBefore(fst, "[Fko]");
            if (cut > 0 && cut < length)
            {
                length = cut;
            }
        }

        var lemma = word[..length].ToString().ToLowerInvariant();
        if (analysis.BaseForm is { } baseForm && lemma.Length == baseForm.Length + 3
            && (lemma.EndsWith("han", StringComparison.Ordinal) || lemma.EndsWith("hän", StringComparison.Ordinal))
            && lemma.StartsWith(baseForm, StringComparison.Ordinal))
        {
            return baseForm;
        }

        return lemma;
    }
}

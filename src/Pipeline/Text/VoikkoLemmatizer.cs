using System.Collections.Frozen;
using SosRap.Pipeline.Text.Voikko;

namespace SosRap.Pipeline.Text;

/// <summary>
/// Finnish lemmatizer on Voikko. Chooses among Voikko's analyses by rule (<see cref="LemmaChooser"/>),
/// gives compound parts, falls back sensibly for words Voikko does not know (acronyms, names, typos,
/// text without ä/ö), and caches results per word form. Thread-safe: each cache miss rents a Voikko
/// handle of its own from a bounded pool.
/// </summary>
public sealed class VoikkoLemmatizer : ILemmatizer, IDisposable
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ConjunctionsAfterComma =
        FinnishLexicon.ConjunctionsAfterComma.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly VoikkoOptions _options;
    private readonly VoikkoPool _pool;
    private readonly LemmaCache<Entry>? _cache;

    /// <summary>Opens Voikko with the default options (dictionary discovered, see <see cref="VoikkoOptions"/>).</summary>
    /// <exception cref="VoikkoUnavailableException">The library or the Finnish dictionary is missing.</exception>
    public VoikkoLemmatizer()
        : this(new VoikkoOptions())
    {
    }

    /// <summary>Opens Voikko with <paramref name="options"/>, validated here once.</summary>
    /// <exception cref="VoikkoUnavailableException">The library or the Finnish dictionary is missing.</exception>
    public VoikkoLemmatizer(VoikkoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _pool = new VoikkoPool(options);
        _cache = options.CacheCapacity > 0 ? new LemmaCache<Entry>(Math.Max(2, options.CacheCapacity)) : null;
    }

    /// <summary>The Voikko dictionary directory in use.</summary>
    public string DictionaryDirectory => _pool.DictionaryDirectory;

    /// <summary>Number of word forms now cached.</summary>
    public int CachedWordCount => _cache?.Count ?? 0;

    /// <summary>Number of Voikko handles opened so far (at most <see cref="VoikkoOptions.MaxHandles"/>).</summary>
    public int OpenHandles => _pool.OpenHandles;

    /// <summary>
    /// Analyses one word form without context: a capital letter is taken to mean a name, as it would in
    /// the middle of a sentence. Use <see cref="AnalyzeSentence"/> when sentence starts are known.
    /// </summary>
    public WordAnalysis Analyze(ReadOnlySpan<char> word) => GetEntry(word).InContext;

    /// <summary>
    /// Analyses the tokens of running text. A capitalised word that starts a sentence (the first word,
    /// or the first after <c>.</c>, <c>!</c>, <c>?</c>) is not taken for a name when Voikko has a
    /// common-word reading for it.
    /// </summary>
    public void AnalyzeSentence(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<WordAnalysis> results)
    {
        if (results.Length < tokens.Length)
        {
            throw new ArgumentException($"results has room for {results.Length} analyses, tokens has {tokens.Length}.", nameof(results));
        }

        var sentenceStart = true;
        var afterNegation = false;
        var afterComma = false;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var form = token.Slice(text);
            var entry = GetEntry(form);
            var chosen = entry.InContext;
            if (token.Kind is TokenKind.Word or TokenKind.Abbreviation)
            {
                if (sentenceStart)
                {
                    chosen = entry.SentenceInitial;
                }
                else if (afterNegation && entry.AfterNegation is { } connegative)
                {
                    // "ei tee", "en usko": after the negation verb a form is the verb's connegative.
                    chosen = connegative;
                }
                else if (afterComma && ConjunctionsAfterComma.Contains(form))
                {
                    // ", sillä" is the conjunction, not the pronoun se.
                    chosen = new WordAnalysis(form.ToString(), [], LemmaSource.Dictionary, "sidesana");
                }
            }

            results[i] = chosen;
            sentenceStart = token.Kind switch
            {
                TokenKind.SentenceEnd => true,
                // Tokenizers that do not mark sentence ends (and the --tokens input) give plain punctuation.
                TokenKind.Punctuation => sentenceStart || form is "." or "!" or "?" or "…",
                _ => false,
            };
            afterNegation = chosen.WordClass == "kieltosana";
            afterComma = form is ",";
        }
    }

    /// <summary>Empties the cache (for measurements of the uncached path).</summary>
    public void ClearCache() => _cache?.Clear();

    public void Dispose() => _pool.Dispose();

    private Entry GetEntry(ReadOnlySpan<char> word)
    {
        if (_cache is not null && _cache.TryGet(word, out var cached))
        {
            return cached;
        }

        var entry = Compute(word);
        return _cache is null ? entry : _cache.Add(word.ToString(), entry);
    }

    private Entry Compute(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return Entry.Same(new WordAnalysis(string.Empty, [], LemmaSource.Fallback));
        }

        var text = word.ToString();
        if (!HasLetter(word) || !char.IsLetterOrDigit(word[0]) && word[0] != '-')
        {
            // Punctuation, symbols, numbers (3,5; 2–1) and emoticons are their own lemma; an
            // inflection after a colon goes (%:n → %, 2000:ssa → 2000).
            var colonAt = word.IndexOf(':');
            return Entry.Same(new WordAnalysis(colonAt > 0 ? text[..colonAt] : text, [], LemmaSource.Fallback));
        }

        if (word[0] == '-' && word.Length > 1)
        {
            // A suffix written apart from its first part (THL- ja -listalla): analyse the rest.
            return GetEntry(word[1..]);
        }

        var lower = text.ToLowerInvariant();
        if (FinnishLexicon.LexicalizedCaseForms.Contains(lower))
        {
            return Entry.Same(new WordAnalysis(lower, [], LemmaSource.Dictionary, "seikkasana"));
        }

        var casing = CasingOf(word);
        using var lease = _pool.Rent();
        var voikko = lease.Instance;
        var analyses = new List<MorphAnalysis>(4);
        voikko.Analyze(word, analyses);
        if (analyses.Count > 0)
        {
            var inContext = FromAnalyses(analyses, word, casing, LemmaSource.Dictionary);
            var initial = casing == LemmaChooser.Casing.Capitalized
                ? FromAnalyses(analyses, word, LemmaChooser.Casing.SentenceInitial, LemmaSource.Dictionary)
                : inContext;
            return new Entry(inContext, initial, VerbReading(analyses, word, inContext));
        }

        return Entry.Same(Fallback(text, lower, casing, voikko));
    }

    private static WordAnalysis FromAnalyses(List<MorphAnalysis> analyses, ReadOnlySpan<char> word, LemmaChooser.Casing casing, LemmaSource source)
    {
        var chosen = analyses[LemmaChooser.Best(analyses, word, casing)];
        var lemma = LemmaChooser.LemmaOf(chosen, word);
        if (casing == LemmaChooser.Casing.Capitalized && chosen.Class is "nimisana" or "nimisana_laatusana"
            && lemma.Length > 0 && char.IsLower(lemma[0]) && char.ToLowerInvariant(word[0]) == lemma[0])
        {
            // A capital in mid-sentence names something (Kelan → Kela, not kela 'reel').
            lemma = string.Concat(char.ToUpperInvariant(lemma[0]).ToString(), lemma.AsSpan(1));
        }

        return new WordAnalysis(lemma, CompoundParts.Of(chosen, lemma), source, chosen.Class);
    }

    private static WordAnalysis? VerbReading(List<MorphAnalysis> analyses, ReadOnlySpan<char> word, WordAnalysis inContext)
    {
        if (inContext.WordClass == "teonsana")
        {
            return null;
        }

        foreach (var a in analyses)
        {
            if (a.Class == "teonsana" && a.Mood is "imperative" or "indicative")
            {
                var lemma = LemmaChooser.LemmaOf(a, word);
                return new WordAnalysis(lemma, CompoundParts.Of(a, lemma), LemmaSource.Dictionary, a.Class);
            }
        }

        return null;
    }

    // Words Voikko does not know, in order of how much evidence each step has.
    private WordAnalysis Fallback(string word, string lower, LemmaChooser.Casing casing, VoikkoInstance voikko)
    {
        if (FinnishLexicon.ColloquialLemma.TryGetValue(lower, out var colloquial))
        {
            return new WordAnalysis(colloquial, [], LemmaSource.Fallback);
        }

        // Inflected acronyms and symbols: THL:n, EU:ssa, %:n → the part before the colon.
        var colon = word.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var head = word[..colon];
            var known = AnalyzeKnown(voikko, head, casing);
            return new WordAnalysis(known?.Lemma ?? head, [], LemmaSource.Fallback, known?.WordClass);
        }

        // Unknown hyphenated compound (TE-toimistoon, HYTE-ryhmä): keep the head, lemmatize the tail.
        var hyphen = word.LastIndexOf('-');
        if (hyphen > 0 && hyphen < word.Length - 1)
        {
            var tail = AnalyzeKnown(voikko, word[(hyphen + 1)..], LemmaChooser.Casing.Lower);
            if (tail is not null)
            {
                var head = word[..hyphen];
                var parts = new List<string>();
                foreach (var piece in head.Split('-', StringSplitOptions.RemoveEmptyEntries))
                {
                    parts.Add(piece);
                }

                parts.Add(tail.Lemma);
                foreach (var p in tail.CompoundParts)
                {
                    if (!parts.Contains(p, StringComparer.Ordinal))
                    {
                        parts.Add(p);
                    }
                }

                return new WordAnalysis(head + "-" + tail.Lemma, parts, LemmaSource.Fallback, tail.WordClass);
            }
        }

        if (_options.RestoreUmlauts && RestoreUmlauts(voikko, word) is { } restored && AnalyzeKnown(voikko, restored, casing) is { } withUmlauts)
        {
            return withUmlauts with { Source = LemmaSource.Fallback };
        }

        if (_options.UseSpellingSuggestions && casing == LemmaChooser.Casing.Lower && Suggestion(voikko, lower) is { } suggestion
            && AnalyzeKnown(voikko, suggestion, casing) is { } corrected)
        {
            return corrected with { Source = LemmaSource.Fallback };
        }

        if (casing != LemmaChooser.Casing.Upper && ProperNameGuesser.Guess(word) is { } stem)
        {
            return new WordAnalysis(casing == LemmaChooser.Casing.Lower ? stem.ToLowerInvariant() : stem, [], LemmaSource.Fallback);
        }

        // Names and acronyms keep their capitals; anything else is lower-cased.
        return new WordAnalysis(casing == LemmaChooser.Casing.Lower ? lower : word, [], LemmaSource.Fallback);
    }

    private static WordAnalysis? AnalyzeKnown(VoikkoInstance voikko, string word, LemmaChooser.Casing casing)
    {
        var analyses = new List<MorphAnalysis>(4);
        voikko.Analyze(word, analyses);
        return analyses.Count == 0 ? null : FromAnalyses(analyses, word, casing, LemmaSource.Dictionary);
    }

    // Text typed without ä/ö (kasittely → käsittely): try a→ä and o→ö at every combination of
    // positions, most replacements first (vowel harmony makes all-or-most the likely case).
    private static string? RestoreUmlauts(VoikkoInstance voikko, string word)
    {
        Span<int> positions = stackalloc int[8];
        var count = 0;
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] is 'a' or 'o' or 'A' or 'O')
            {
                if (count == positions.Length)
                {
                    return null;
                }

                positions[count++] = i;
            }
        }

        if (count == 0 || word.AsSpan().IndexOfAny("äöÄÖ") >= 0)
        {
            return null;
        }

        var masks = new List<int>((1 << count) - 1);
        for (var mask = 1; mask < 1 << count; mask++)
        {
            masks.Add(mask);
        }

        masks.Sort((a, b) => int.PopCount(b).CompareTo(int.PopCount(a)));
        var chars = word.ToCharArray();
        foreach (var mask in masks)
        {
            for (var k = 0; k < count; k++)
            {
                var p = positions[k];
                chars[p] = (mask & (1 << k)) == 0 ? word[p] : word[p] switch
                {
                    'a' => 'ä',
                    'o' => 'ö',
                    'A' => 'Ä',
                    _ => 'Ö',
                };
            }

            if (voikko.Spell(chars))
            {
                return new string(chars);
            }
        }

        return null;
    }

    // Voikko's first suggestion within two edits of the typed word that keeps its first letter and
    // adds no space or hyphen: short or foreign words otherwise turn into unrelated Finnish ones.
    private static string? Suggestion(VoikkoInstance voikko, string lower)
    {
        if (lower.Length < 4)
        {
            return null;
        }

        foreach (var s in voikko.Suggest(lower))
        {
            var candidate = s.ToLowerInvariant();
            if (candidate.Length > 0 && candidate[0] == lower[0] && candidate.AsSpan().IndexOfAny(" -") < 0
                && EditDistance.AtMost(lower, candidate, 2))
            {
                return s;
            }
        }

        return null;
    }

    private static bool HasLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    private static LemmaChooser.Casing CasingOf(ReadOnlySpan<char> word)
    {
        var first = 0;
        while (first < word.Length && !char.IsLetter(word[first]))
        {
            first++;
        }

        if (first == word.Length || !char.IsUpper(word[first]))
        {
            return LemmaChooser.Casing.Lower;
        }

        var letters = 0;
        var upper = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }
        }

        return letters >= 2 && upper == letters ? LemmaChooser.Casing.Upper : LemmaChooser.Casing.Capitalized;
    }

    /// <summary>The analyses of one word form: in running text and at the start of a sentence.</summary>
    /// <summary>
    /// The analyses of one word form: in running text, at the start of a sentence, and right after the
    /// negation verb (only when a verb reading differs from <paramref name="InContext"/>).
    /// </summary>
    private sealed record Entry(WordAnalysis InContext, WordAnalysis SentenceInitial, WordAnalysis? AfterNegation = null)
    {
        public static Entry Same(WordAnalysis analysis) => new(analysis, analysis);
    }
}

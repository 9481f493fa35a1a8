using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace SosRap.Pipeline.Text;

/// <summary>
/// Tokenize → lemmatize (with sentence context) → drop stopwords and non-words: the one way every
/// later stage (features, embeddings, cluster labels, evidence) turns text into content words.
/// Thread-safe when its tokenizer and lemmatizer are (the provided ones are). Run PII redaction
/// before analysis: placeholders such as <c>[NIMI]</c> are skipped.
/// </summary>
public sealed class TextAnalyzer
{
    private static readonly string[] Coordinators = ["ja", "tai", "sekä", "eli", "och", "eller"];

    private readonly ITokenizer _tokenizer;
    private readonly ILemmatizer _lemmatizer;
    private readonly Stopwords _stopwords;
    private readonly TextAnalyzerOptions _options;

    // Lower-cased lemma strings are shared between texts so a corpus holds each lemma once.
    private readonly ConcurrentDictionary<string, string> _lowered = new(StringComparer.Ordinal);

    /// <summary>Creates an analyzer from its stages.</summary>
    public TextAnalyzer(ITokenizer tokenizer, ILemmatizer lemmatizer, Stopwords stopwords, TextAnalyzerOptions? options = null)
    {
        _tokenizer = tokenizer ?? throw new ArgumentNullException(nameof(tokenizer));
        _lemmatizer = lemmatizer ?? throw new ArgumentNullException(nameof(lemmatizer));
        _stopwords = stopwords ?? throw new ArgumentNullException(nameof(stopwords));
        _options = options ?? new TextAnalyzerOptions();
        _options.Validate();
    }

    /// <summary>The options in effect.</summary>
    public TextAnalyzerOptions Options => _options;

    /// <summary>Analyses <paramref name="text"/> into its content words.</summary>
    public AnalyzedText Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
            return AnalyzedText.Empty;

        var tokens = new List<Token>();
        _tokenizer.Tokenize(text, tokens);
        var analyses = ArrayPool<WordAnalysis>.Shared.Rent(tokens.Count);
        try
        {
            var span = CollectionsMarshal.AsSpan(tokens);
            _lemmatizer.AnalyzeSentence(text, span, analyses);
            var terms = new List<AnalyzedTerm>(tokens.Count / 2);
            for (var i = 0; i < span.Length; i++)
            {
                var token = span[i];
                if (token.Kind is not (TokenKind.Word or TokenKind.Abbreviation))
                    continue;
                var analysis = analyses[i];
                var word = token.Slice(text);
                if (_options.ExpandHyphenatedPrefixes && word.Length > 2 && word[^1] == '-'
                    && TryExpandPrefix(text, span, analyses, i, out var expanded))
                {
                    terms.Add(expanded);
                    continue;
                }

                if (!IsContentWord(analysis.Lemma))
                    continue;
                terms.Add(new AnalyzedTerm(Lower(analysis.Lemma), LowerParts(analysis.CompoundParts), token.Start, token.Length, analysis.Source));
            }

            return new AnalyzedText(terms);
        }
        finally
        {
            Array.Clear(analyses, 0, tokens.Count);
            ArrayPool<WordAnalysis>.Shared.Return(analyses);
        }
    }

    private bool IsContentWord(string lemma)
    {
        if (lemma.Length < _options.MinLemmaLength)
            return false;
        var hasLetter = false;
        foreach (var c in lemma)
        {
            if (char.IsLetter(c))
            {
                hasLetter = true;
                break;
            }
        }

        return hasLetter && !(_options.RemoveStopwords && _stopwords.Contains(lemma));
    }

    // "sosiaali- ja terveyspalvelut": the prefix borrows the head (last part) of the next compound.
    private bool TryExpandPrefix(string text, ReadOnlySpan<Token> tokens, WordAnalysis[] analyses, int i, out AnalyzedTerm term)
    {
        term = default;
        var j = i + 1;
        if (j < tokens.Length && tokens[j].Kind == TokenKind.Punctuation && text.AsSpan(tokens[j].Start, tokens[j].Length) is ",")
            j++;
        if (j + 1 >= tokens.Length || tokens[j].Kind != TokenKind.Word)
            return false;
        var coordinator = text.AsSpan(tokens[j].Start, tokens[j].Length);
        var isCoordinator = false;
        foreach (var c in Coordinators)
            isCoordinator |= coordinator.Equals(c, StringComparison.OrdinalIgnoreCase);
        if (!isCoordinator || tokens[j + 1].Kind != TokenKind.Word)
            return false;

        var next = analyses[j + 1];
        // The shared head is the last simple member: the shortest part the compound's lemma ends with
        // (parts also list sub-compounds such as "tukipäätös" of "toimeentulotukipäätös").
        string? head = null;
        foreach (var part in next.CompoundParts)
        {
            if (part.Length < next.Lemma.Length && next.Lemma.EndsWith(part, StringComparison.OrdinalIgnoreCase)
                && (head is null || part.Length < head.Length))
                head = part;
        }

        if (head is null)
            return false;
        head = Lower(head);
        var prefix = text.AsSpan(tokens[i].Start, tokens[i].Length - 1).ToString().ToLowerInvariant();
        term = new AnalyzedTerm(Lower(prefix + head), [Lower(prefix), head], tokens[i].Start, tokens[i].Length, LemmaSource.Fallback);
        return IsContentWord(term.Lemma);
    }

    private IReadOnlyList<string> LowerParts(IReadOnlyList<string> parts)
    {
        if (parts.Count == 0)
            return parts;
        var allLower = true;
        foreach (var p in parts)
            allLower &= !HasUpper(p);
        if (allLower)
            return parts;
        var lowered = new string[parts.Count];
        for (var k = 0; k < parts.Count; k++)
            lowered[k] = Lower(parts[k]);
        return lowered;
    }

    private string Lower(string s) => HasUpper(s) ? _lowered.GetOrAdd(s, static x => x.ToLowerInvariant()) : s;

    private static bool HasUpper(string s)
    {
        foreach (var c in s)
        {
            if (char.IsUpper(c))
                return true;
        }

        return false;
    }
}

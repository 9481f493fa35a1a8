using System.Runtime.InteropServices;
using System.Text;
using SosRap.Pipeline.Text;

namespace SosRap.Api.Services;

/// <summary>
/// Builds the per-report lemma string with the Voikko lemmatizer: every word's lemma and its
/// compound parts (so <c>toimeentulotuki</c> is found by <c>tuki</c>), lower case, once each.
/// Numbers, dates, addresses and redaction placeholders are left out.
/// </summary>
internal sealed class VoikkoLemmaIndexer(ILemmatizer lemmatizer, ITokenizer tokenizer) : ILemmaIndexer
{
    public string Index(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();
        foreach (var lemma in Lemmas(text, withParts: true))
        {
            if (seen.Add(lemma)) ordered.Add(lemma);
        }

        if (ordered.Count == 0) return " ";
        var sb = new StringBuilder(ordered.Sum(l => l.Length + 1) + 1).Append(' ');
        foreach (var lemma in ordered) sb.Append(lemma).Append(' ');
        return sb.ToString();
    }

    public IReadOnlyList<string> QueryLemmas(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Lemmas(query, withParts: false).Distinct(StringComparer.Ordinal).ToList();
    }

    private IEnumerable<string> Lemmas(string text, bool withParts)
    {
        var tokens = new List<Token>(text.Length / 6 + 1);
        tokenizer.Tokenize(text, tokens);
        if (tokens.Count == 0) return [];
        var analyses = new WordAnalysis[tokens.Count];
        lemmatizer.AnalyzeSentence(text, CollectionsMarshal.AsSpan(tokens), analyses);
        var result = new List<string>(tokens.Count * 2);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind is not (TokenKind.Word or TokenKind.Abbreviation)) continue;
            Add(result, analyses[i].Lemma);
            if (!withParts) continue;
            foreach (var part in analyses[i].CompoundParts) Add(result, part);
        }

        return result;
    }

    private static void Add(List<string> into, string lemma)
    {
        var clean = Clean(lemma);
        if (clean.Length > 0) into.Add(clean);
    }

    // Lower case, and nothing that could break the space-delimited format or act as a LIKE wildcard.
    private static string Clean(string lemma)
    {
        var lower = lemma.ToLowerInvariant();
        if (!lower.AsSpan().ContainsAny(" \t\r\n%_\\")) return lower;
        var sb = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            if (!char.IsWhiteSpace(c) && c is not ('%' or '_' or '\\')) sb.Append(c);
        }

        return sb.ToString();
    }
}

using System.Text;
using SosRap.Pipeline.Text;

namespace SosRap.Api.Services;

/// <summary>
/// Builds the per-report lemma string with the pipeline's <see cref="TextAnalyzer"/> (tokenizer →
/// Voikko lemmas in context → no stopwords or non-words): every content word's lemma and its
/// compound parts (so <c>toimeentulotuki</c> is found by <c>tuki</c>), lower case, once each.
/// Redaction placeholders, numbers and dates are left out.
/// </summary>
internal sealed class AnalyzerLemmaIndexer(TextAnalyzer analyzer) : ILemmaIndexer
{
    public string Index(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder(text.Length).Append(' ');
        foreach (var term in analyzer.Analyze(text).Terms)
        {
            Add(term.Lemma);
            foreach (var part in term.Parts) Add(part);
        }

        return sb.ToString();

        void Add(string lemma)
        {
            var clean = Clean(lemma);
            if (clean.Length > 0 && seen.Add(clean)) sb.Append(clean).Append(' ');
        }
    }

    public IReadOnlyList<string> QueryLemmas(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return analyzer.Analyze(query).Terms.Select(t => Clean(t.Lemma)).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    // Nothing that could break the space-delimited format.
    private static string Clean(string lemma)
    {
        var lower = lemma.ToLowerInvariant();
        if (!lower.AsSpan().ContainsAny(" \t\r\n\u00A0")) return lower;
        var sb = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        }

        return sb.ToString();
    }
}

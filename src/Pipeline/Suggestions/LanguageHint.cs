using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Suggestions;

/// <summary>
/// A cheap language guess for a report: Finnish unless function words of Swedish or English make up
/// a clear share of the words, or most words are unknown to the Finnish dictionary. Good enough to
/// warn a reviewer that the Finnish model is reading a text it was not made for.
/// </summary>
internal static class LanguageHint
{
    // Words that are frequent in Swedish/English and are not Finnish words ("en", "on", "vi" left out: Finnish has them).
    private static readonly HashSet<string> Swedish = new(StringComparer.Ordinal)
    {
        "och", "att", "det", "som", "är", "för", "med", "inte", "på", "av", "till", "har", "jag", "ett", "den", "men", "också",
        "eller", "hos", "från", "kan", "inom", "vid", "om", "sig", "där", "blir", "finns", "många", "mycket", "får",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "and", "of", "to", "is", "in", "that", "for", "with", "are", "not", "this", "have", "be", "it", "was", "they",
        "their", "from", "by", "has", "which", "there", "many", "because", "would", "should", "who",
    };

    /// <summary>ISO 639-1 code of the likely language: <c>fi</c>, <c>sv</c>, <c>en</c>, or <c>und</c> when unsure and mostly unknown words.</summary>
    public static string Detect(string text, AnalyzedText analysis)
    {
        int words = 0, sv = 0, en = 0;
        foreach (var word in text.Split((char[])[' ', '\n', '\r', '\t', ',', '.', ';', ':', '!', '?', '(', ')', '"'], StringSplitOptions.RemoveEmptyEntries))
        {
            var w = word.ToLowerInvariant();
            words++;
            if (Swedish.Contains(w)) sv++;
            if (English.Contains(w)) en++;
        }

        if (words == 0) return "und";
        if (sv >= 2 && sv >= 0.12 * words && sv > en) return "sv";
        if (en >= 2 && en >= 0.12 * words && en > sv) return "en";
        var unknown = analysis.Terms.Count(t => t.Source == LemmaSource.Fallback);
        return analysis.Terms.Count >= 5 && unknown > 0.6 * analysis.Terms.Count ? "und" : "fi";
    }
}

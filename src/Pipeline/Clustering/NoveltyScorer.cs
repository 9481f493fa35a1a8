using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Clustering;

/// <summary>
/// Term burstiness of a new batch against a history: for each term (lemma or compound part) with
/// at least <see cref="MinNewDocumentFrequency"/> new reports,
/// <c>burst = ln((df_new + 1) / (N_new + 2)) − ln((df_old + 1) / (N_old + 2))</c>, the smoothed
/// log-ratio of the share of new and old reports that contain it. A report's novelty mass is the
/// sum of the positive bursts of its distinct terms: reports that talk about what was not talked
/// about before score high even when their other vocabulary is old (an emerging phenomenon is
/// usually described with the words of the established ones plus a few new ones).
/// </summary>
public sealed class NoveltyScorer
{
    private readonly Dictionary<string, double> _burst;

    private NoveltyScorer(Dictionary<string, double> burst, Dictionary<string, int> newDf, IThemeHistory history, int newCount)
    {
        _burst = burst;
        NewDocumentFrequency = newDf;
        History = history;
        NewCount = newCount;
    }

    /// <summary>Fewest new reports a term must occur in to count as bursty.</summary>
    public const int MinNewDocumentFrequency = 3;

    /// <summary>Document frequency of each term in the new batch.</summary>
    public IReadOnlyDictionary<string, int> NewDocumentFrequency { get; }

    /// <summary>The history compared against.</summary>
    public IThemeHistory History { get; }

    /// <summary>Reports in the new batch.</summary>
    public int NewCount { get; }

    /// <summary>Positive bursts by term.</summary>
    public IReadOnlyDictionary<string, double> Bursts => _burst;

    /// <summary>The distinct lemmas and compound parts of a text.</summary>
    public static HashSet<string> TermSet(AnalyzedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in text.Terms)
        {
            set.Add(term.Lemma);
            foreach (var p in term.Parts) set.Add(p);
        }

        return set;
    }

    /// <summary>Counts the new batch's terms and computes every term's burst against <paramref name="history"/>.</summary>
    public static NoveltyScorer Fit(IReadOnlyList<IReadOnlySet<string>> newTerms, IThemeHistory history)
    {
        ArgumentNullException.ThrowIfNull(newTerms);
        ArgumentNullException.ThrowIfNull(history);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in newTerms)
        {
            foreach (var t in set) df[t] = df.GetValueOrDefault(t) + 1;
        }

        var burst = new Dictionary<string, double>(StringComparer.Ordinal);
        var n = newTerms.Count;
        var nOld = history.DocumentCount;
        foreach (var (term, count) in df)
        {
            if (count < MinNewDocumentFrequency) continue;
            var b = Burst(count, n, history.DocumentFrequency(term), nOld);
            if (b > 0) burst[term] = b;
        }

        return new NoveltyScorer(burst, df, history, n);
    }

    /// <summary>The smoothed log-ratio of document frequencies.</summary>
    public static double Burst(int dfNew, int nNew, int dfOld, int nOld) =>
        Math.Log((dfNew + 1.0) / (nNew + 2.0)) - Math.Log((dfOld + 1.0) / (nOld + 2.0));

    /// <summary>The positive burst of <paramref name="term"/> (0 when it is not bursty).</summary>
    public double BurstOf(string term) => _burst.GetValueOrDefault(term);

    /// <summary>Novelty mass of one report: the sum of the positive bursts of its distinct terms.</summary>
    public double Mass(IReadOnlySet<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var sum = 0d;
        foreach (var t in terms) sum += _burst.GetValueOrDefault(t);
        return sum;
    }
}

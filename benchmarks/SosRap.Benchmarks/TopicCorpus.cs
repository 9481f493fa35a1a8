using System.Text.Json;
using System.Text.RegularExpressions;

namespace SosRap.Benchmarks;

/// <summary>
/// Synthetic reports for the feature and LSA benchmarks, made like scripts/make-topic-reports.py:
/// 4–8 sentences of one or two themes of the project's own sample reports (data/), with about
/// 2 % of words misspelt, so the vocabulary and the share of unknown words are report-like.
/// Deterministic. Not real reports.
/// </summary>
internal static partial class TopicCorpus
{
    public static List<string> Build(int count, int seed = 20261123)
    {
        var byTheme = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(DataFile("sample_reports.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            if (r.TryGetProperty("language", out var lang) && lang.GetString() != "fi") continue;
            var text = r.GetProperty("phenomenon").GetString() + " " + (r.TryGetProperty("proposal", out var p) ? p.GetString() : "");
            var theme = r.GetProperty("theme").GetString()!;
            if (!byTheme.TryGetValue(theme, out var list)) byTheme[theme] = list = [];
            list.AddRange(SentenceEnd().Split(text).Where(s => s.Split(' ').Length >= 3));
        }

        var themes = byTheme.Keys.ToArray();
        var random = new Random(seed);
        var result = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var main = themes[random.Next(themes.Length)];
            string[] picked = random.NextDouble() < 0.6 ? [main] : [main, themes[random.Next(themes.Length)]];
            var sentences = Enumerable.Range(0, random.Next(4, 9)).Select(_ =>
            {
                var pool = byTheme[picked[random.Next(picked.Length)]];
                return pool[random.Next(pool.Count)];
            });
            var words = string.Join(' ', sentences).Split(' ').Select(w => random.NextDouble() < 0.02 ? Typo(w, random) : w);
            result.Add(string.Join(' ', words));
        }

        return result;
    }

    /// <summary>A text of about <paramref name="words"/> words from the corpus (the first one that long, cut).</summary>
    public static string Report(int words)
    {
        var text = Build(200).First(t => t.Split(' ').Length >= words);
        return string.Join(' ', text.Split(' ').Take(words));
    }

    private static string Typo(string word, Random random)
    {
        if (word.Length < 5 || !word.All(char.IsLetter)) return word;
        var i = random.Next(1, word.Length - 1);
        return random.NextDouble() < 0.5 ? word.Remove(i, 1) : word.Insert(i, word[i].ToString());
    }

    private static string DataFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "data", name);
            if (File.Exists(Path.Combine(dir.FullName, "SosRap.sln")) && File.Exists(path)) return path;
        }

        throw new FileNotFoundException($"data/{name} not found above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();
}

using System.Collections.Frozen;

namespace SosRap.Pipeline.Text;

/// <summary>
/// The abbreviations the tokenizer knows (<c>data/abbreviations-fi.txt</c>), matched without
/// allocating through span lookups. Entries ending in <c>.</c> are written with their period.
/// </summary>
internal sealed class AbbreviationLexicon
{
    private const string FileName = "abbreviations-fi.txt";

    private readonly FrozenSet<string> all;
    private readonly FrozenSet<string> sentenceFinal;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> allLookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> sentenceFinalLookup;

    private AbbreviationLexicon(IEnumerable<string> all, IEnumerable<string> sentenceFinal)
    {
        this.all = all.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        this.sentenceFinal = sentenceFinal.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        allLookup = this.all.GetAlternateLookup<ReadOnlySpan<char>>();
        sentenceFinalLookup = this.sentenceFinal.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The embedded list; loaded once, immutable.</summary>
    public static AbbreviationLexicon Default { get; } = LoadDefault();

    /// <summary>Number of entries.</summary>
    public int Count => all.Count;

    /// <summary>Whether <paramref name="text"/> (with its period, if written with one) is an abbreviation.</summary>
    public bool Contains(ReadOnlySpan<char> text) => allLookup.Contains(text);

    /// <summary>Whether the abbreviation may end a sentence (<c>jne.</c>, <c>yms.</c> …).</summary>
    public bool IsSentenceFinal(ReadOnlySpan<char> text) => sentenceFinalLookup.Contains(text);

    /// <summary>A lexicon with <paramref name="additional"/> entries added.</summary>
    public AbbreviationLexicon With(IEnumerable<string> additional)
    {
        ArgumentNullException.ThrowIfNull(additional);
        var extra = new List<string>();
        foreach (var entry in additional)
        {
            var e = entry?.Trim();
            if (string.IsNullOrEmpty(e) || e.Any(char.IsWhiteSpace) || !char.IsLetter(e[0]))
                throw new ArgumentException($"Abbreviation '{entry}' must start with a letter and contain no spaces.", nameof(additional));
            extra.Add(e);
        }
        return new AbbreviationLexicon(all.Concat(extra), sentenceFinal);
    }

    private static AbbreviationLexicon LoadDefault()
    {
        var all = new List<string>();
        var final = new List<string>();
        foreach (var (line, _) in EmbeddedLexicon.ReadEntries(FileName))
        {
            var isFinal = line.EndsWith(" !", StringComparison.Ordinal);
            var entry = isFinal ? line[..^2].TrimEnd() : line;
            all.Add(entry);
            if (isFinal) final.Add(entry);
        }
        return new AbbreviationLexicon(all, final);
    }
}

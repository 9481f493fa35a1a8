using System.Collections.Frozen;

namespace SosRap.Pipeline.Text;

/// <summary>
/// A set of lemmas to leave out of features and cluster labels. The default is the Finnish list
/// written for social work reports (<c>data/stopwords-fi.txt</c>, embedded): function words only —
/// the file's header explains why generic report words such as "asiakas" are kept.
/// Lookups ignore case and allocate nothing. Immutable and thread-safe.
/// </summary>
public sealed class Stopwords
{
    private readonly FrozenSet<string> words;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    private Stopwords(IEnumerable<string> words)
    {
        this.words = words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        lookup = this.words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The built-in Finnish list.</summary>
    public static Stopwords Default { get; } = LoadDefault();

    /// <summary>An empty list (nothing is a stopword).</summary>
    public static Stopwords None { get; } = new([]);

    /// <summary>Number of stopwords.</summary>
    public int Count => words.Count;

    /// <summary>The stopwords, in no particular order.</summary>
    public IReadOnlyCollection<string> Words => words;

    /// <summary>Whether <paramref name="lemma"/> is a stopword (case is ignored).</summary>
    public bool Contains(ReadOnlySpan<char> lemma) => lookup.Contains(lemma);

    /// <summary>A list with the words of both.</summary>
    public Stopwords Union(Stopwords other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new Stopwords(words.Concat(other.words));
    }

    /// <summary>A list of exactly <paramref name="lemmas"/>.</summary>
    /// <exception cref="ArgumentException">A lemma is empty or contains whitespace.</exception>
    public static Stopwords FromWords(IEnumerable<string> lemmas)
    {
        ArgumentNullException.ThrowIfNull(lemmas);
        var list = new List<string>();
        foreach (var lemma in lemmas)
        {
            if (string.IsNullOrWhiteSpace(lemma) || lemma.Trim().Any(char.IsWhiteSpace))
                throw new ArgumentException($"Stopword '{lemma}' must be one word.", nameof(lemmas));
            list.Add(lemma.Trim());
        }

        return new Stopwords(list);
    }

    /// <summary>
    /// Reads a stopword file: UTF-8, one lemma a line, <c>#</c> starts a comment (also after a word),
    /// blank lines ignored.
    /// </summary>
    /// <exception cref="InputException">A line holds more than one word; names the file and line.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static async Task<Stopwords> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return Parse(new StringReader(text), path);
    }

    /// <summary>Reads a stopword list in the file format of <see cref="LoadAsync"/> from <paramref name="reader"/>.</summary>
    /// <param name="reader">The list.</param>
    /// <param name="source">Where it came from, for error messages.</param>
    /// <exception cref="InputException">A line holds more than one word.</exception>
    public static Stopwords Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var list = new List<string>();
        int row = 0;
        while (reader.ReadLine() is { } line)
        {
            row++;
            int hash = line.IndexOf('#', StringComparison.Ordinal);
            var word = (hash >= 0 ? line[..hash] : line).Trim();
            if (word.Length == 0) continue;
            if (word.Any(char.IsWhiteSpace))
                throw new InputException("hukkasanalistan rivillä on useampi kuin yksi sana; kirjoita yksi sana riville", source, row);
            list.Add(word);
        }

        return new Stopwords(list);
    }

    private static Stopwords LoadDefault()
    {
        using var reader = EmbeddedLexicon.Open("stopwords-fi.txt");
        return Parse(reader, "stopwords-fi.txt");
    }
}

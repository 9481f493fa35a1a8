namespace SosRap.Pipeline.Text;

/// <summary>
/// Reads the word lists under <c>data/</c> that are embedded in this assembly
/// (<c>SosRap.Pipeline.Text.&lt;file&gt;</c>): one entry a line, <c>#</c> starts a comment line.
/// </summary>
internal static class EmbeddedLexicon
{
    /// <summary>Opens an embedded list by its file name, e.g. <c>stopwords-fi.txt</c>.</summary>
    public static TextReader Open(string fileName)
    {
        var name = "SosRap.Pipeline.Text." + fileName;
        var stream = typeof(EmbeddedLexicon).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {typeof(EmbeddedLexicon).Assembly.GetName().Name}.");
        return new StreamReader(stream, System.Text.Encoding.UTF8);
    }

    /// <summary>
    /// The non-comment lines of <paramref name="reader"/>, trimmed, with their 1-based line numbers.
    /// </summary>
    public static IEnumerable<(string Line, int Number)> Entries(TextReader reader)
    {
        int number = 0;
        while (reader.ReadLine() is { } raw)
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            yield return (line, number);
        }
    }

    /// <summary>The non-comment lines of an embedded list.</summary>
    public static List<(string Line, int Number)> ReadEntries(string fileName)
    {
        using var reader = Open(fileName);
        return [.. Entries(reader)];
    }
}

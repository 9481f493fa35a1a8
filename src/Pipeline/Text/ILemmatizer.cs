namespace SosRap.Pipeline.Text;

/// <summary>Maps a word form to its lemma and compound parts. Implementations are thread-safe.</summary>
public interface ILemmatizer
{
    /// <summary>Analyses one word form (no surrounding whitespace or punctuation).</summary>
    WordAnalysis Analyze(ReadOnlySpan<char> word);

    /// <summary>
    /// Analyses the tokens of running text, writing one analysis per token into <paramref name="results"/>.
    /// Implementations may use the context (e.g. sentence starts); the default analyses each token alone.
    /// </summary>
    void AnalyzeSentence(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<WordAnalysis> results)
    {
        if (results.Length < tokens.Length)
        {
            throw new ArgumentException($"results has room for {results.Length} analyses, tokens has {tokens.Length}.", nameof(results));
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            results[i] = Analyze(tokens[i].Slice(text));
        }
    }
}

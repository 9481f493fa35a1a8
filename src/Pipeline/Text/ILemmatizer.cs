namespace SosRap.Pipeline.Text;

/// <summary>Maps a word form to its lemma and compound parts. Implementations are thread-safe.</summary>
public interface ILemmatizer
{
    /// <summary>Analyses one word form (no surrounding whitespace or punctuation).</summary>
    WordAnalysis Analyze(ReadOnlySpan<char> word);
}

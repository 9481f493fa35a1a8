namespace SosRap.Pipeline.Text;

/// <summary>The content words of one text, in text order, after stopwords are removed.</summary>
/// <param name="Terms">Content words in text order.</param>
public sealed record AnalyzedText(IReadOnlyList<AnalyzedTerm> Terms)
{
    /// <summary>An analysis with no content words.</summary>
    public static AnalyzedText Empty { get; } = new([]);

    /// <summary>The lemmas in text order.</summary>
    public IEnumerable<string> Lemmas => Terms.Select(t => t.Lemma);
}

namespace SosRap.Pipeline.Text;

/// <summary>Which words <see cref="TextAnalyzer"/> keeps and how it expands them.</summary>
public sealed record TextAnalyzerOptions
{
    /// <summary>Lemmas shorter than this are dropped (Annif's analyzer uses 3 characters; Finnish has meaningful 2-letter words such as "yö").</summary>
    public int MinLemmaLength { get; init; } = 2;

    /// <summary>Leave out stopwords (by lemma).</summary>
    public bool RemoveStopwords { get; init; } = true;

    /// <summary>
    /// Expand a hyphenated first member that shares the head of the next compound:
    /// <c>sosiaali- ja terveyspalvelut</c> gives <c>sosiaalipalvelu</c> as well as <c>terveyspalvelu</c>.
    /// </summary>
    public bool ExpandHyphenatedPrefixes { get; init; } = true;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (MinLemmaLength is < 1 or > 20)
            throw new ArgumentOutOfRangeException(nameof(MinLemmaLength), MinLemmaLength, "MinLemmaLength must be between 1 and 20.");
    }
}

namespace SosRap.Pipeline.Features;

/// <summary>Which words also contribute hashed character n-grams.</summary>
public enum CharNgramScope
{
    /// <summary>No character n-grams.</summary>
    None,

    /// <summary>
    /// Words the dictionary did not know (<see cref="Text.LemmaSource.Fallback"/>): names, abbreviations,
    /// typos, dialect. Their n-grams let inflected or misspelt forms of the same unknown word match.
    /// </summary>
    FallbackWords,

    /// <summary>Every word (costs about twenty features per word; measured as an alternative, not the default).</summary>
    AllWords,
}

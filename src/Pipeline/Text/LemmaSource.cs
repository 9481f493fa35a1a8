namespace SosRap.Pipeline.Text;

/// <summary>Where a lemma came from.</summary>
public enum LemmaSource
{
    /// <summary>The morphological dictionary (Voikko) recognised the word.</summary>
    Dictionary,

    /// <summary>The word was unknown (a name, abbreviation, typo …); the lemma is a best guess.</summary>
    Fallback,
}

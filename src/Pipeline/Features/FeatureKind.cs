namespace SosRap.Pipeline.Features;

/// <summary>What a feature of a <see cref="Vocabulary"/> stands for.</summary>
public enum FeatureKind : byte
{
    /// <summary>A lemma (<c>toimeentulotukipäätös</c>); with <see cref="CompoundPartMode.Shared"/> also a compound part.</summary>
    Word = 0,

    /// <summary>A compound part kept apart from lemmas (<see cref="CompoundPartMode.Separate"/>).</summary>
    Part = 1,

    /// <summary>A hashed bucket of character n-grams of words the dictionary did not know.</summary>
    CharNgram = 2,
}

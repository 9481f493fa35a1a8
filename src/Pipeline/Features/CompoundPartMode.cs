namespace SosRap.Pipeline.Features;

/// <summary>How the parts of a compound (<c>toimeentulo</c>, <c>tuki</c>, <c>päätös</c> of <c>toimeentulotukipäätös</c>) become features.</summary>
public enum CompoundPartMode
{
    /// <summary>Only the whole lemma is a feature.</summary>
    None,

    /// <summary>
    /// A part counts, with <see cref="TfidfOptions.PartWeight"/>, towards the feature of the same
    /// lemma: <c>vuokravakuus</c> also adds to <c>vakuus</c>, so it matches a report that says <c>vakuus</c>.
    /// </summary>
    Shared,

    /// <summary>A part is a feature of its own (<see cref="FeatureKind.Part"/>), apart from the lemma of the same spelling.</summary>
    Separate,
}

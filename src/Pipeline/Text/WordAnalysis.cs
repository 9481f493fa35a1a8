namespace SosRap.Pipeline.Text;

/// <summary>
/// The lemma of one word form and, for compounds, its parts
/// (<c>toimeentulotukipäätökset</c> → <c>toimeentulotukipäätös</c>, parts <c>toimeentulo</c>, <c>tuki</c>, <c>päätös</c>,
/// <c>toimeentulotuki</c>, <c>tukipäätös</c>).
/// </summary>
/// <param name="Lemma">Base form, lower-case unless a proper noun or an acronym.</param>
/// <param name="CompoundParts">Base forms of the compound's parts, then its sub-compounds; empty for a simple word.</param>
/// <param name="Source">Dictionary or fallback.</param>
/// <param name="WordClass">Voikko's word class (<c>nimisana</c>, <c>teonsana</c>, …) when known.</param>
public sealed record WordAnalysis(
    string Lemma,
    IReadOnlyList<string> CompoundParts,
    LemmaSource Source,
    string? WordClass = null);

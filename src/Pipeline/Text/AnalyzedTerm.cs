namespace SosRap.Pipeline.Text;

/// <summary>
/// One content word of an analysed text: its lemma (lower-cased), its compound parts and where it
/// stands in the text, so features can use lemmas and parts and evidence can point back into the text.
/// </summary>
/// <param name="Lemma">Lower-cased lemma (<c>toimeentulotukipäätös</c>, <c>kela</c>).</param>
/// <param name="Parts">Lower-cased compound parts (<c>toimeentulo</c>, <c>tuki</c>, <c>päätös</c>, …); empty for a simple word.</param>
/// <param name="Start">Offset of the word in the analysed text.</param>
/// <param name="Length">Length of the word in the analysed text.</param>
/// <param name="Source">Whether the dictionary knew the word; fallback words are good candidates for character n-grams.</param>
public readonly record struct AnalyzedTerm(string Lemma, IReadOnlyList<string> Parts, int Start, int Length, LemmaSource Source);

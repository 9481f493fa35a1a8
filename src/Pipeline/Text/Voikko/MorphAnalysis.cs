namespace SosRap.Pipeline.Text.Voikko;

/// <summary>
/// One analysis of a word form by Voikko, with the attributes the lemmatizer uses
/// (names as in libvoikko's <c>doc/morphological-analysis.txt</c>; <see langword="null"/> when absent).
/// </summary>
/// <param name="BaseForm">BASEFORM: Voikko's lemma (<c>toimeentulotukipäätös</c>, <c>tehty</c>).</param>
/// <param name="Class">CLASS: <c>nimisana</c>, <c>teonsana</c>, <c>laatusana</c>, <c>etunimi</c>, …</param>
/// <param name="Structure">STRUCTURE: letter case and compound boundaries (<c>=ppppp=pppp</c>).</param>
/// <param name="WordBases">WORDBASES: each morpheme with its base (<c>+viikon(viikko)+loppu(loppu)</c>).</param>
/// <param name="FstOutput">FSTOUTPUT: the raw transducer output with all tags.</param>
/// <param name="Case">SIJAMUOTO: <c>nimento</c>, <c>omanto</c>, <c>kerrontosti</c>, …</param>
/// <param name="Participle">PARTICIPLE: <c>present_active</c>, <c>past_passive</c>, <c>agent</c>, <c>negation</c>, …</param>
/// <param name="Comparison">COMPARISON: <c>positive</c>, <c>comparative</c>, <c>superlative</c>.</param>
/// <param name="Mood">MOOD: <c>indicative</c>, <c>A-infinitive</c>, <c>MINEN-infinitive</c>, …</param>
/// <param name="Number">NUMBER: <c>singular</c> or <c>plural</c>.</param>
internal sealed record MorphAnalysis(
    string? BaseForm,
    string? Class,
    string? Structure,
    string? WordBases,
    string? FstOutput,
    string? Case,
    string? Participle,
    string? Comparison,
    string? Mood,
    string? Number);

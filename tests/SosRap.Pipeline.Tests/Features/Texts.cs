using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Tests.Features;

/// <summary>Builds analysed texts by hand, so feature tests know exactly which lemmas, parts and sources go in.</summary>
internal static class Texts
{
    public static AnalyzedTerm Word(string lemma, params string[] parts) => new(lemma, parts, 0, lemma.Length, LemmaSource.Dictionary);

    public static AnalyzedTerm Unknown(string lemma) => new(lemma, [], 0, lemma.Length, LemmaSource.Fallback);

    public static AnalyzedText Of(params string[] lemmas) => new(lemmas.Select(l => Word(l)).ToList());

    public static AnalyzedText Of(params AnalyzedTerm[] terms) => new(terms);
}

using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Clustering;

/// <summary>
/// Common Swedish function words. Swedish reports pass through the Finnish analyzer with their words
/// as they are, so without these a theme of Swedish reports is labelled "och · på · med"; the
/// cluster verbs add them to the Finnish stopwords.
/// </summary>
public static class SwedishFunctionWords
{
    /// <summary>The words as a stopword set.</summary>
    public static Stopwords Stopwords { get; } = Stopwords.FromWords(
    [
        "och", "att", "det", "som", "en", "ett", "på", "är", "av", "för", "med", "till", "den", "har", "de", "inte", "om", "var", "jag", "vi",
        "men", "så", "från", "kan", "eller", "när", "hur", "vad", "man", "nu", "också", "bara", "sig", "sin", "sina", "deras", "dem", "han",
        "hon", "hen", "hade", "skulle", "måste", "ska", "blir", "blev", "vara", "varit", "finns", "fanns", "där", "här", "efter", "under",
        "över", "mot", "utan", "vid", "hos", "mycket", "många", "alla", "inga", "ingen", "inget", "någon", "något", "några", "detta",
        "dessa", "denna", "vår", "våra", "vårt", "oss", "dig", "mig", "ut", "upp", "in", "än", "då", "eftersom", "även", "samt", "får",
        "fick", "går", "gick", "vill", "kommer", "kom", "mer", "mest", "mellan", "genom", "ofta", "redan", "själv", "sedan",
    ]);
}

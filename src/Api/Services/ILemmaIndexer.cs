namespace SosRap.Api.Services;

/// <summary>Turns a (redacted) text into the lemma string that free-text search matches against.</summary>
internal interface ILemmaIndexer
{
    /// <summary>
    /// The distinct lemmas and compound parts of <paramref name="text"/>, lower case, separated by
    /// single spaces, with a space at both ends (so <c>LIKE '% lemma %'</c> matches whole lemmas).
    /// </summary>
    string Index(string text);

    /// <summary>The lemmas of a search query, lower case, each to be matched as a whole lemma.</summary>
    IReadOnlyList<string> QueryLemmas(string query);
}

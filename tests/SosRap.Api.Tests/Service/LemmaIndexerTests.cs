using SosRap.Api.Services;
using SosRap.Pipeline.Text;

namespace SosRap.Api.Tests.Service;

/// <summary>The per-report lemma string and query lemmas, with the real Voikko lemmatizer.</summary>
public sealed class LemmaIndexerTests
{
    private static readonly VoikkoLemmatizer Lemmatizer = new();

    private static VoikkoLemmaIndexer Indexer() => new(Lemmatizer, new LetterRunTokenizer());

    [Fact]
    public void Index_holds_each_lemma_and_compound_part_once_in_lower_case_between_spaces()
    {
        var index = Indexer().Index("Vuokranantajat vaativat vuokravakuuksia. Vuokranantaja soitti.");
        Assert.Equal(" vuokranantaja vuokra antaja vaatia vuokravakuus vakuus soittaa ", index);
    }

    [Fact]
    public void Query_lemmas_are_base_forms_without_compound_parts()
    {
        Assert.Equal(["vuokranantaja", "kylä"], Indexer().QueryLemmas("Vuokranantajalle kylillä"));
    }
}

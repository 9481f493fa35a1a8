using SosRap.Api.Services;
using SosRap.Pipeline.Text;

namespace SosRap.Api.Tests.Service;

/// <summary>The per-report lemma string and query lemmas, with the real tokenizer, Voikko and stopwords.</summary>
public sealed class LemmaIndexerTests
{
    private static readonly AnalyzerLemmaIndexer Indexer = new(new TextAnalyzer(new FinnishTokenizer(), new VoikkoLemmatizer(), Stopwords.Default));

    [Fact]
    public void Index_holds_each_content_lemma_and_compound_part_once_in_lower_case_between_spaces()
    {
        var index = Indexer.Index("Vuokranantajat vaativat vuokravakuuksia. Vuokranantaja soitti [NIMI] 12.3.2024.");
        Assert.Equal(" vuokranantaja vuokra antaja vaatia vuokravakuus vakuus soittaa ", index);
    }

    [Fact]
    public void Stopwords_numbers_and_placeholders_are_not_indexed()
    {
        Assert.Equal(" ", Indexer.Index("ja ei se 2024 [HETU] 15 %"));
    }

    [Fact]
    public void Query_lemmas_are_base_forms_without_compound_parts()
    {
        Assert.Equal(["vuokranantaja", "kylä"], Indexer.QueryLemmas("Vuokranantajalle ja kylillä"));
    }
}

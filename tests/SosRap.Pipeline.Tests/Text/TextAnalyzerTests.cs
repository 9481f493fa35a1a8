using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Tests.Text;

public sealed class TextAnalyzerTests(VoikkoLemmatizerFixture fixture) : IClassFixture<VoikkoLemmatizerFixture>
{
    private readonly TextAnalyzer _analyzer = new(new FinnishTokenizer(), fixture.Lemmatizer, Stopwords.Default);

    [Fact]
    public void Content_words_come_out_as_lower_cased_lemmas_in_text_order_without_stopwords()
    {
        var result = _analyzer.Analyze("Kelan päätökset viivästyvät ja asiakkaat odottavat.");
        Assert.Equal(["kela", "päätös", "viivästyä", "asiakas", "odottaa"], result.Lemmas);
    }

    [Fact]
    public void Compound_parts_are_kept_with_the_lemma()
    {
        var term = Assert.Single(_analyzer.Analyze("toimeentulotukipäätöksiä").Terms);
        Assert.Equal("toimeentulotukipäätös", term.Lemma);
        Assert.Contains("toimeentulo", term.Parts);
        Assert.Contains("tuki", term.Parts);
        Assert.Contains("päätös", term.Parts);
    }

    [Fact]
    public void Offsets_point_back_into_the_text()
    {
        const string text = "Vuokravakuus puuttuu.";
        var term = _analyzer.Analyze(text).Terms[0];
        Assert.Equal("Vuokravakuus", text.Substring(term.Start, term.Length));
    }

    [Fact]
    public void A_hyphenated_prefix_borrows_the_head_of_the_next_compound()
    {
        var lemmas = _analyzer.Analyze("Sosiaali- ja terveyspalvelut ovat kaukana.").Lemmas.ToList();
        Assert.Contains("sosiaalipalvelu", lemmas);
        Assert.Contains("terveyspalvelu", lemmas);
    }

    [Fact]
    public void The_head_is_the_last_simple_member_even_when_sub_compounds_are_listed()
    {
        var lemmas = _analyzer.Analyze("Asumis- ja toimeentulotukipäätökset viipyvät.").Lemmas.ToList();
        Assert.Contains("asumispäätös", lemmas);
    }

    [Fact]
    public void Redaction_placeholders_numbers_and_punctuation_are_not_terms()
    {
        var lemmas = _analyzer.Analyze("[NIMI] maksoi 1 200 € 1.1.2024, ks. liite!").Lemmas.ToList();
        Assert.DoesNotContain(lemmas, l => l.Contains('[', StringComparison.Ordinal) || l.Any(char.IsDigit));
        Assert.Contains("maksaa", lemmas);
    }

    [Fact]
    public void Empty_and_whitespace_text_give_no_terms()
    {
        Assert.Empty(_analyzer.Analyze("").Terms);
        Assert.Empty(_analyzer.Analyze("  \n\t ").Terms);
    }

    [Fact]
    public void Stopword_removal_can_be_turned_off()
    {
        var keep = new TextAnalyzer(new FinnishTokenizer(), fixture.Lemmatizer, Stopwords.Default, new TextAnalyzerOptions { RemoveStopwords = false });
        Assert.Contains("ja", keep.Analyze("asunto ja vuokra").Lemmas);
        Assert.DoesNotContain("ja", _analyzer.Analyze("asunto ja vuokra").Lemmas);
    }

    [Fact]
    public void Invalid_options_are_rejected_at_construction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new TextAnalyzer(new FinnishTokenizer(), fixture.Lemmatizer, Stopwords.Default, new TextAnalyzerOptions { MinLemmaLength = 0 }));
    }
}

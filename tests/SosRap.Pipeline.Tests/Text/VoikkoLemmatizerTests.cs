using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Tests.Text;

public sealed class VoikkoLemmatizerTests(VoikkoLemmatizerFixture fixture) : IClassFixture<VoikkoLemmatizerFixture>
{
    private readonly VoikkoLemmatizer _lemmatizer = fixture.Lemmatizer;

    [Theory]
    [InlineData("kaupungissa", "kaupunki")]
    [InlineData("lapsille", "lapsi")]
    [InlineData("hakemuksen", "hakemus")]
    [InlineData("päätökset", "päätös")]
    [InlineData("asunnottomuudesta", "asunnottomuus")]
    [InlineData("olivat", "olla")]
    [InlineData("maksetaan", "maksaa")]
    [InlineData("kuntien", "kunta")]
    [InlineData("vuokravakuuksia", "vuokravakuus")]
    public void Common_inflected_forms_get_their_dictionary_lemma(string form, string lemma)
    {
        var analysis = _lemmatizer.Analyze(form);
        Assert.Equal(lemma, analysis.Lemma);
        Assert.Equal(LemmaSource.Dictionary, analysis.Source);
    }

    [Theory]
    [InlineData("tehty", "tehdä")] // past passive participle → verb
    [InlineData("koskevien", "koskea")] // present active participle → verb
    [InlineData("myöntämällä", "myöntää")] // MA-infinitive
    [InlineData("tekemisestä", "tekeminen")] // -minen noun, not Voikko's "tehdä"
    [InlineData("suuremman", "suuri")] // comparative → positive
    [InlineData("tietyn", "tietty")] // lexicalised participle stays an adjective
    [InlineData("nopeasti", "nopeasti")] // -sti adverb is its own lemma
    [InlineData("sinne", "sinne")] // Voikko would say "siellä"
    [InlineData("me", "minä")] // plural pronoun → singular (UD)
    [InlineData("niiden", "se")]
    [InlineData("en", "ei")] // negation verb
    [InlineData("esimerkiksi", "esimerkiksi")] // lexicalised case form
    [InlineData("kuin", "kuin")] // conjunction over kuu + instructive plural
    public void Lemmas_follow_UD_Finnish_conventions(string form, string lemma) =>
        Assert.Equal(lemma, _lemmatizer.Analyze(form).Lemma);

    [Fact]
    public void Compound_gives_whole_lemma_parts_and_sub_compounds()
    {
        var analysis = _lemmatizer.Analyze("toimeentulotukipäätöksestä");
        Assert.Equal("toimeentulotukipäätös", analysis.Lemma);
        Assert.Equal(["toimeentulo", "tuki", "päätös", "toimeentulotuki", "tukipäätös"], analysis.CompoundParts);
        Assert.Equal("nimisana", analysis.WordClass);
    }

    [Fact]
    public void Compound_part_in_genitive_gets_its_base_form()
    {
        var analysis = _lemmatizer.Analyze("viikonlopun");
        Assert.Equal("viikonloppu", analysis.Lemma);
        Assert.Equal(["viikko", "loppu"], analysis.CompoundParts);
    }

    [Fact]
    public void Simple_word_has_no_compound_parts() => Assert.Empty(_lemmatizer.Analyze("talossa").CompoundParts);

    [Theory]
    [InlineData("THL:n", "THL")]
    [InlineData("HYTE", "HYTE")]
    [InlineData("HYTE-ryhmälle", "HYTE-ryhmä")]
    [InlineData("TE-toimistoon", "TE-toimisto")]
    [InlineData("kasittely", "käsittely")] // ä restored
    [InlineData("sosiaalityontekijan", "sosiaalityöntekijä")] // ö and ä restored, then analysed
    [InlineData("Kalymnokselle", "Kalymnos")] // unknown name, -kse- stem
    [InlineData("Arduinoon", "Arduino")] // unknown name, illative
    [InlineData("mä", "minä")] // spoken form
    [InlineData("zxqwv", "zxqwv")] // nothing fits: the surface form, not dropped
    public void Unknown_words_fall_back_instead_of_being_dropped(string form, string lemma)
    {
        var analysis = _lemmatizer.Analyze(form);
        Assert.Equal(lemma, analysis.Lemma);
        Assert.Equal(LemmaSource.Fallback, analysis.Source);
    }

    [Fact]
    public void Typo_is_corrected_through_spelling_suggestions()
    {
        var typo = _lemmatizer.Analyze("hakemukssen");
        Assert.Equal("hakemus", typo.Lemma);
        Assert.Equal(LemmaSource.Fallback, typo.Source);
    }

    [Fact]
    public void Capitalised_word_in_mid_sentence_keeps_its_capital()
    {
        // Voikko knows only "kela" (a reel); with a capital it is the institution.
        Assert.Equal("Kela", _lemmatizer.Analyze("Kelan").Lemma);
        Assert.Equal("kela", _lemmatizer.Analyze("kelan").Lemma);
        Assert.Equal("Helsinki", _lemmatizer.Analyze("Helsingissä").Lemma);
    }

    [Fact]
    public void Lower_case_word_is_not_read_as_a_name()
    {
        // "veroja" has a first-name reading (Vera) in Voikko's dictionary.
        Assert.Equal("vero", _lemmatizer.Analyze("veroja").Lemma);
    }

    [Fact]
    public void Punctuation_numbers_and_emoticons_are_their_own_lemma()
    {
        Assert.Equal(".", _lemmatizer.Analyze(".").Lemma);
        Assert.Equal("2–1", _lemmatizer.Analyze("2–1").Lemma);
        Assert.Equal("3,5", _lemmatizer.Analyze("3,5").Lemma);
        Assert.Equal(":D", _lemmatizer.Analyze(":D").Lemma);
        Assert.Equal("%", _lemmatizer.Analyze("%:n").Lemma);
    }

    [Fact]
    public void Sentence_context_picks_the_connegative_after_negation()
    {
        const string text = "En tee sitä.";
        Token[] tokens = [new(0, 2, TokenKind.Word), new(3, 3, TokenKind.Word), new(7, 4, TokenKind.Word), new(11, 1, TokenKind.Punctuation)];
        var results = new WordAnalysis[tokens.Length];
        _lemmatizer.AnalyzeSentence(text, tokens, results);
        Assert.Equal(["ei", "tehdä", "se", "."], results.Select(r => r.Lemma));

        // Without the negation "tee" is the noun (tea).
        Assert.Equal("tee", _lemmatizer.Analyze("tee").Lemma);
    }

    [Fact]
    public void Sentence_context_reads_silla_after_a_comma_as_the_conjunction()
    {
        const string text = "Hän jäi kotiin, sillä satoi.";
        var tokens = SimpleTokens(text);
        var results = new WordAnalysis[tokens.Length];
        _lemmatizer.AnalyzeSentence(text, tokens, results);
        Assert.Equal("sillä", results[4].Lemma);
        Assert.Equal("se", _lemmatizer.Analyze("sillä").Lemma);
    }

    [Fact]
    public void Sentence_initial_capital_prefers_the_common_word()
    {
        // "Alan" is a first name, but at the start of a sentence it is more likely "ala" or "alkaa".
        const string text = "Alan vaihto kesti. Hän tapasi Alan.";
        var tokens = SimpleTokens(text);
        var results = new WordAnalysis[tokens.Length];
        _lemmatizer.AnalyzeSentence(text, tokens, results);
        Assert.NotEqual("Alan", results[0].Lemma);
        Assert.Equal("Alan", results[6].Lemma);
    }

    [Fact]
    public void Sentence_starts_marked_by_the_finnish_tokenizer_are_recognised()
    {
        // FinnishTokenizer marks a full stop that ends a sentence as SentenceEnd, not Punctuation.
        const string text = "Asiakas soitti. Alan vaihto kesti.";
        var tokens = new List<Token>();
        new FinnishTokenizer().Tokenize(text, tokens);
        Assert.Contains(tokens, t => t.Kind == TokenKind.SentenceEnd);
        var results = new WordAnalysis[tokens.Count];
        _lemmatizer.AnalyzeSentence(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens), results);
        var alan = tokens.FindIndex(t => text.AsSpan(t.Start, t.Length).SequenceEqual("Alan"));
        Assert.NotEqual("Alan", results[alan].Lemma);
    }

    [Fact]
    public void Sentence_results_too_short_is_rejected()
    {
        Token[] tokens = [new(0, 3, TokenKind.Word)];
        Assert.Throws<ArgumentException>(() => _lemmatizer.AnalyzeSentence("kissa", tokens, new WordAnalysis[0]));
    }

    internal static Token[] SimpleTokens(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == ' ')
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsLetterOrDigit(text[i]))
            {
                while (i < text.Length && char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(start, i - start, TokenKind.Word));
            }
            else
            {
                tokens.Add(new Token(start, 1, TokenKind.Punctuation));
                i++;
            }
        }

        return [.. tokens];
    }
}

using System.Runtime.InteropServices;
using System.Text;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Tests.Text;

public sealed class FinnishTokenizerTests
{
    private static readonly FinnishTokenizer Tokenizer = new();

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, tokens);
        return tokens;
    }

    private static List<(string Text, TokenKind Kind)> Pairs(string text)
        => [.. Tokenize(text).Select(t => (text.Substring(t.Start, t.Length), t.Kind))];

    private static void AssertTokens(string text, params (string Text, TokenKind Kind)[] expected)
        => Assert.Equal(expected, Pairs(text));

    private static (string, TokenKind) W(string s) => (s, TokenKind.Word);

    private static (string, TokenKind) P(string s) => (s, TokenKind.Punctuation);

    [Fact]
    public void Words_keep_finnish_and_swedish_letters()
    {
        AssertTokens("Äiti söi ångström-kakkua café'ssa Öjan",
            W("Äiti"), W("söi"), W("ångström-kakkua"), W("café'ssa"), W("Öjan"));
    }

    [Fact]
    public void Hyphenated_compounds_are_one_word()
    {
        AssertTokens("TE-toimisto ja Kela-kortti", W("TE-toimisto"), W("ja"), W("Kela-kortti"));
    }

    [Fact]
    public void Word_before_a_shared_second_part_keeps_its_hyphen()
    {
        AssertTokens("sosiaali- ja terveyspalvelut", W("sosiaali-"), W("ja"), W("terveyspalvelut"));
        AssertTokens("lasten-, nuorten- ja perhepalvelut",
            W("lasten-"), P(","), W("nuorten-"), W("ja"), W("perhepalvelut"));
    }

    [Fact]
    public void Dash_between_spaces_is_punctuation_not_part_of_a_word()
    {
        AssertTokens("Kajaani – Oulu", W("Kajaani"), P("–"), W("Oulu"));
        AssertTokens("Kajaani–Oulu", W("Kajaani"), P("–"), W("Oulu"));
    }

    [Theory]
    [InlineData("esim.")]
    [InlineData("Esim.")]
    [InlineData("ns.")]
    [InlineData("mm.")]
    [InlineData("ym.")]
    [InlineData("jne.")]
    [InlineData("n.")]
    [InlineData("ks.")]
    [InlineData("vrt.")]
    [InlineData("yms.")]
    [InlineData("tms.")]
    [InlineData("ts.")]
    [InlineData("os.")]
    [InlineData("sos.")]
    [InlineData("k.o.")]
    [InlineData("puh.")]
    public void Listed_abbreviations_keep_their_period(string abbreviation)
    {
        AssertTokens($"{abbreviation} asia", (abbreviation, TokenKind.Abbreviation), W("asia"));
    }

    [Theory]
    [InlineData("klo")]
    [InlineData("ttt")]
    [InlineData("tt")]
    [InlineData("kpl")]
    public void Abbreviations_written_without_a_period_are_marked(string abbreviation)
    {
        AssertTokens($"{abbreviation} 12", (abbreviation, TokenKind.Abbreviation), ("12", TokenKind.Number));
    }

    [Fact]
    public void Abbreviation_does_not_end_the_sentence_even_before_a_capital()
    {
        var text = "Ohjaus esim. Kelaan ja mm. THL:ään toimii.";
        var tokens = Tokenize(text);
        Assert.Single(tokens, t => t.Kind == TokenKind.SentenceEnd);
        Assert.Contains(("esim.", TokenKind.Abbreviation), Pairs(text));
        Assert.Contains(("THL:ään", TokenKind.Word), Pairs(text));
    }

    [Fact]
    public void Unknown_word_before_a_period_is_a_word_and_a_sentence_end()
    {
        AssertTokens("Tuki loppui. Sitten", W("Tuki"), W("loppui"), (".", TokenKind.SentenceEnd), W("Sitten"));
    }

    [Fact]
    public void Acronyms_and_names_with_a_colon_ending_are_one_word()
    {
        AssertTokens("THL:n ja Kela:lta sekä EU:ssa", W("THL:n"), W("ja"), W("Kela:lta"), W("sekä"), W("EU:ssa"));
    }

    [Fact]
    public void Colon_after_a_long_word_is_punctuation()
    {
        AssertTokens("Huomioitavaa: asia", W("Huomioitavaa"), P(":"), W("asia"));
    }

    [Theory]
    [InlineData("1,5", TokenKind.Number)]
    [InlineData("1 200", TokenKind.Number)]
    [InlineData("1\u00A0200", TokenKind.Number)]
    [InlineData("1\u2009200", TokenKind.Number)]
    [InlineData("1\u202F200\u202F000", TokenKind.Number)]
    [InlineData("12 345,50", TokenKind.Number)]
    [InlineData("12.30", TokenKind.Number)]
    [InlineData("1.1.2024", TokenKind.Date)]
    [InlineData("01.01.24", TokenKind.Date)]
    [InlineData("1.1.–30.6.", TokenKind.Date)]
    [InlineData("1.1.2024–30.6.2024", TokenKind.Date)]
    [InlineData("2024-01-01", TokenKind.Date)]
    [InlineData("12/2024", TokenKind.Date)]
    [InlineData("1 200 €", TokenKind.Money)]
    [InlineData("1 200€", TokenKind.Money)]
    [InlineData("50e", TokenKind.Money)]
    [InlineData("50 e", TokenKind.Money)]
    [InlineData("50 euroa", TokenKind.Money)]
    [InlineData("1 200 euron", TokenKind.Money)]
    [InlineData("250 €:n", TokenKind.Money)]
    [InlineData("25 %", TokenKind.Percentage)]
    [InlineData("3,5%", TokenKind.Percentage)]
    public void Numbers_dates_sums_and_percentages_are_one_token(string text, TokenKind kind)
    {
        AssertTokens($"on {text} nyt", W("on"), (text, kind), W("nyt"));
    }

    [Fact]
    public void Year_followed_by_a_number_is_not_a_thousands_group()
    {
        AssertTokens("vuonna 2023 200 asiakasta",
            W("vuonna"), ("2023", TokenKind.Number), ("200", TokenKind.Number), W("asiakasta"));
    }

    [Fact]
    public void Number_with_leading_zero_does_not_start_a_thousands_group()
    {
        AssertTokens("040 123 4567",
            ("040", TokenKind.Number), ("123", TokenKind.Number), ("4567", TokenKind.Number));
    }

    [Fact]
    public void Impossible_dates_are_not_dates()
    {
        Assert.DoesNotContain(Tokenize("32.1.2024 ja 1.13.2024 ja 2024-13-01"), t => t.Kind == TokenKind.Date);
    }

    [Fact]
    public void Ordinal_keeps_its_period_before_a_lower_case_word()
    {
        AssertTokens("2. luokka", ("2.", TokenKind.Number), W("luokka"));
        AssertTokens("vuonna 2024. Seuraava",
            W("vuonna"), ("2024", TokenKind.Number), (".", TokenKind.SentenceEnd), W("Seuraava"));
    }

    [Fact]
    public void Words_that_start_with_digits_are_words()
    {
        AssertTokens("5-vuotias 1990-luvulla 3kk", W("5-vuotias"), W("1990-luvulla"), W("3kk"));
    }

    [Fact]
    public void Euro_must_be_a_whole_word_after_the_number()
    {
        AssertTokens("5 eri asiaa", ("5", TokenKind.Number), W("eri"), W("asiaa"));
        AssertTokens("3 eurooppalaista", ("3", TokenKind.Number), W("eurooppalaista"));
    }

    [Theory]
    [InlineData("https://www.kela.fi/asumistuki")]
    [InlineData("http://example.com/a?b=1&c=2")]
    [InlineData("www.thl.fi")]
    [InlineData("Suomi.fi")]
    [InlineData("kela.fi/toimeentulotuki")]
    [InlineData("omakanta.kanta.fi")]
    public void Web_addresses_are_urls(string url)
    {
        AssertTokens($"Katso {url} nyt", W("Katso"), (url, TokenKind.Url), W("nyt"));
    }

    [Fact]
    public void Url_leaves_out_trailing_punctuation_and_an_unbalanced_bracket()
    {
        AssertTokens("(ks. https://thl.fi/a_(b).)",
            P("("), ("ks.", TokenKind.Abbreviation), ("https://thl.fi/a_(b)", TokenKind.Url), (".", TokenKind.SentenceEnd), P(")"));
    }

    [Fact]
    public void Domain_followed_by_a_hyphen_is_a_compound_word()
    {
        AssertTokens("Suomi.fi-valtuutus", W("Suomi.fi-valtuutus"));
    }

    [Theory]
    [InlineData("marko.l77@example.com")]
    [InlineData("jenni.p.kajaani@example.com")]
    [InlineData("first+tag@sub.example.fi")]
    [InlineData("123abc@example.org")]
    public void Email_addresses_are_one_token(string email)
    {
        AssertTokens($"({email})", P("("), (email, TokenKind.Email), P(")"));
    }

    [Fact]
    public void At_sign_without_a_domain_is_not_an_email()
    {
        Assert.DoesNotContain(Tokenize("matti@ ja @kela sekä a@b"), t => t.Kind == TokenKind.Email);
    }

    [Fact]
    public void Sentence_punctuation_is_marked_as_sentence_end()
    {
        AssertTokens("Miksi? Koska! Niin…",
            W("Miksi"), ("?", TokenKind.SentenceEnd), W("Koska"), ("!", TokenKind.SentenceEnd), W("Niin"), ("…", TokenKind.SentenceEnd));
        AssertTokens("Mitä?! Ei...", W("Mitä"), ("?!", TokenKind.SentenceEnd), W("Ei"), ("...", TokenKind.SentenceEnd));
    }

    [Fact]
    public void Question_mark_before_a_lower_case_word_does_not_end_the_sentence()
    {
        AssertTokens("”Miksi?” kysyi hän",
            P("”"), W("Miksi"), ("?", TokenKind.Punctuation), P("”"), W("kysyi"), W("hän"));
    }

    [Fact]
    public void Initial_after_a_name_keeps_its_period_mid_sentence()
    {
        AssertTokens("Liisa K. tuli", W("Liisa"), ("K.", TokenKind.Abbreviation), W("tuli"));
        AssertTokens("Raimo T. Hän", W("Raimo"), W("T"), (".", TokenKind.SentenceEnd), W("Hän"));
        AssertTokens("Matti V:n äiti", W("Matti"), W("V:n"), W("äiti"));
    }

    [Fact]
    public void Typographic_quotes_dashes_and_brackets_are_punctuation()
    {
        AssertTokens("«a» “b” „c” ‘d’ —e",
            P("«"), W("a"), P("»"), P("“"), W("b"), P("”"), P("„"), W("c"), P("”"), P("‘"), W("d"), P("’"), P("—"), W("e"));
    }

    [Fact]
    public void Whitespace_of_every_kind_separates_tokens_and_offsets_stay_in_the_original()
    {
        var text = "\uFEFFyksi\r\nkaksi\tkolme\u00A0neljä\u2009viisi\u200Bkuusi\u00ADseitsemän";
        var tokens = Tokenize(text);
        Assert.Equal(["yksi", "kaksi", "kolme", "neljä", "viisi", "kuusi\u00ADseitsemän"],
            tokens.Select(t => text.Substring(t.Start, t.Length)));
        Assert.Equal(1, tokens[0].Start);
        Assert.Equal(text.IndexOf("kaksi", StringComparison.Ordinal), tokens[1].Start);
    }

    [Fact]
    public void Soft_hyphen_inside_a_word_is_kept_and_normalizes_away()
    {
        var text = "sosiaali\u00ADtyö";
        var token = Assert.Single(Tokenize(text));
        Assert.Equal(text.Length, token.Length);
        Span<char> buffer = stackalloc char[token.Length];
        int written = TokenText.Normalize(token.Slice(text), buffer);
        Assert.Equal("sosiaalityö", buffer[..written].ToString());
        Assert.True(TokenText.NeedsNormalization(text));
        Assert.False(TokenText.NeedsNormalization("sosiaalityö"));
    }

    [Fact]
    public void Decomposed_letters_stay_in_one_word()
    {
        var text = "a\u0308iti sano\u0301"; // "äiti" with a combining diaeresis
        Assert.Equal(["a\u0308iti", "sano\u0301"], Tokenize(text).Select(t => text.Substring(t.Start, t.Length)));
    }

    [Fact]
    public void Emoji_with_modifiers_and_joins_is_one_symbol()
    {
        var family = "👨\u200D👩\u200D👧";
        var text = $"hyvä 😀 {family} 👍🏽 ❤️ loppu";
        Assert.Equal(
            [W("hyvä"), ("😀", TokenKind.Symbol), (family, TokenKind.Symbol), ("👍🏽", TokenKind.Symbol), ("❤️", TokenKind.Symbol), W("loppu")],
            Pairs(text));
    }

    [Fact]
    public void Letters_outside_the_basic_plane_are_words()
    {
        var text = "𝐀𝐁 sana";
        Assert.Equal([W("𝐀𝐁"), W("sana")], Pairs(text));
    }

    [Fact]
    public void Lone_surrogates_do_not_break_tokenizing()
    {
        var text = "a\uD800b \uDC00 c";
        var tokens = Tokenize(text);
        Assert.Equal(text.Length - 2, tokens.Sum(t => t.Length)); // everything but the two spaces
    }

    [Fact]
    public void Redaction_placeholders_are_recognised()
    {
        AssertTokens("Asiakas [NIMI] ([SÄHKÖPOSTI]) [muu]",
            W("Asiakas"), ("[NIMI]", TokenKind.Redacted), P("("), ("[SÄHKÖPOSTI]", TokenKind.Redacted), P(")"), P("["), W("muu"), P("]"));
    }

    [Fact]
    public void Tokens_are_in_order_do_not_overlap_and_only_whitespace_lies_between_them()
    {
        var text = "Esim. AK Raimo T. (p. 044 987 6543) soitti 3.4.2024 klo 12.30 – Kela:lta ei 1 200 € tukea… 😀 www.kela.fi/x?y=1!";
        var tokens = Tokenize(text);
        int previousEnd = 0;
        foreach (var t in tokens)
        {
            Assert.True(t.Length > 0);
            Assert.True(t.Start >= previousEnd);
            Assert.True(string.IsNullOrWhiteSpace(text[previousEnd..t.Start]), $"gap before {t.Start}");
            previousEnd = t.End;
        }

        Assert.Equal(text.Length, previousEnd);
    }

    [Fact]
    public void Tokenizing_appends_to_the_callers_list()
    {
        var tokens = new List<Token> { new(0, 1, TokenKind.Word) };
        Tokenizer.Tokenize("kaksi sanaa", tokens);
        Assert.Equal(3, tokens.Count);
        Assert.Equal(new Token(0, 5, TokenKind.Word), tokens[1]);
    }

    [Fact]
    public void Tokenizing_allocates_nothing_once_the_list_has_room()
    {
        var text = "Esim. asiakas Liisa K. (liisa.k@example.com) sai THL:n mukaan 1 200 € 1.1.–30.6. eli 25 % "
                   + "enemmän kuin TE-toimistosta; ks. https://www.kela.fi/asumistuki. Miksi? 😀👍🏽";
        var tokens = new List<Token>(1000);
        Tokenizer.Tokenize(text, tokens); // warm up: static lists load on first use
        tokens.Clear();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            tokens.Clear();
            Tokenizer.Tokenize(text, tokens);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(Tokenize(text).Count, tokens.Count);
        Assert.True(tokens.Count > 20);
    }

    [Fact]
    public void One_megabyte_of_report_text_is_tokenized_with_exact_offsets()
    {
        var sentence = "Asiakas Liisa K. kertoi 1.1.2024, että Kelan päätös (1 200 €) viipyi esim. 3 viikkoa.\r\n";
        var sb = new StringBuilder();
        while (sb.Length < 1 << 20) sb.Append(sentence);
        var text = sb.ToString();
        var tokens = Tokenize(text);
        int perSentence = Tokenize(sentence).Count;
        Assert.Equal(perSentence * (text.Length / sentence.Length), tokens.Count);
        var last = tokens[^1];
        Assert.Equal(".", text.Substring(last.Start, last.Length));
        Assert.Equal(text.Length - 2, last.End);
    }

    [Theory]
    [InlineData("a.")]
    [InlineData("a@")]
    [InlineData("1.")]
    [InlineData("1 ")]
    [InlineData("-")]
    [InlineData("www.")]
    [InlineData("a-")]
    public void Pathological_input_of_one_megabyte_is_handled(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, (1 << 20) / unit.Length));
        var tokens = Tokenize(text);
        Assert.NotEmpty(tokens);
        Assert.True(tokens[^1].End <= text.Length);
        for (int i = 1; i < tokens.Count; i++) Assert.True(tokens[i].Start >= tokens[i - 1].End);
    }

    [Fact]
    public void Long_digit_runs_and_long_words_are_single_tokens()
    {
        var digits = new string('7', 100_000);
        var word = new string('ä', 100_000);
        Assert.Equal([(digits, TokenKind.Number), (word, TokenKind.Word)], Pairs(digits + " " + word));
    }

    [Fact]
    public void Additional_abbreviations_are_recognised()
    {
        var tokenizer = new FinnishTokenizer(["asumisp.", "vpt"]);
        var text = "asumisp. ja vpt";
        var tokens = new List<Token>();
        tokenizer.Tokenize(text, tokens);
        Assert.Equal([TokenKind.Abbreviation, TokenKind.Word, TokenKind.Abbreviation], tokens.Select(t => t.Kind));
        Assert.Throws<ArgumentException>(() => new FinnishTokenizer(["kaksi sanaa"]));
        Assert.Throws<ArgumentException>(() => new FinnishTokenizer([".x"]));
    }

    // ---------------------------------------------------------------- sentences

    private static List<string> Sentences(string text)
    {
        var tokens = Tokenize(text);
        var ranges = new List<Range>();
        Tokenizer.SplitSentences(text, CollectionsMarshal.AsSpan(tokens), ranges);
        return [.. ranges.Select(r =>
        {
            var (offset, length) = r.GetOffsetAndLength(tokens.Count);
            return text[tokens[offset].Start..tokens[offset + length - 1].End];
        })];
    }

    [Fact]
    public void Sentences_split_at_sentence_ends_but_not_at_abbreviations_or_initials()
    {
        Assert.Equal(
            ["Esim. asiakas Liisa K. tuli ns. viime hetkellä klo 8.", "Hän ei saanut apua!", "Miksi?"],
            Sentences("Esim. asiakas Liisa K. tuli ns. viime hetkellä klo 8. Hän ei saanut apua! Miksi?"));
    }

    [Fact]
    public void Closing_quote_after_a_sentence_end_stays_in_the_sentence()
    {
        Assert.Equal(["Hän sanoi: ”Ei käy.”", "Sitten lähti."], Sentences("Hän sanoi: ”Ei käy.” Sitten lähti."));
    }

    [Fact]
    public void Blank_lines_and_capitalised_lines_split_sentences()
    {
        Assert.Equal(
            ["Otsikko", "Ensimmäinen rivi jatkuu\ntoisella rivillä", "- luettelon kohta", "Uusi kappale"],
            Sentences("Otsikko\r\n\r\nEnsimmäinen rivi jatkuu\ntoisella rivillä\n- luettelon kohta\nUusi kappale"));
    }

    [Fact]
    public void List_final_abbreviation_before_a_capital_ends_a_sentence()
    {
        Assert.Equal(["Ruoka, vuokra jne.", "Sitten lisää."], Sentences("Ruoka, vuokra jne. Sitten lisää."));
        Assert.Equal(["Ruoka, vuokra jne. ja muuta."], Sentences("Ruoka, vuokra jne. ja muuta."));
    }

    [Fact]
    public void Empty_text_has_no_tokens_and_no_sentences()
    {
        Assert.Empty(Tokenize(""));
        Assert.Empty(Sentences(" \r\n\t"));
    }
}

using System.Globalization;
using System.Numerics;
using System.Text;
using SosRap.Pipeline.Text.Pii;

namespace SosRap.Pipeline.Tests.Text;

public sealed class PiiRedactorTests
{
    private static readonly PiiRedactor Redactor = new();

    private static List<(PiiKind Kind, string Text)> Found(string text, PiiRedactor? redactor = null)
    {
        var found = new List<Redaction>();
        (redactor ?? Redactor).Find(text, found);
        return [.. found.Select(r => (r.Kind, text.Substring(r.Start, r.Length)))];
    }

    private static void AssertFinds(string text, PiiKind kind, string expected)
        => Assert.Equal([(kind, expected)], Found(text));

    private static void AssertNothing(string text) => Assert.Empty(Found(text));

    // ---------------------------------------------------------------- identity codes

    /// <summary>The check character computed here, independently of the code under test.</summary>
    private static string Hetu(string ddmmyy, char sign, int individual)
    {
        const string table = "0123456789ABCDEFHJKLMNPRSTUVWXY";
        long number = long.Parse(ddmmyy + individual.ToString("D3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return $"{ddmmyy}{sign}{individual:D3}{table[(int)(number % 31)]}";
    }

    [Fact]
    public void Published_example_identity_code_is_found()
    {
        AssertFinds("Asiakkaan hetu 131052-308T on kirjattu.", PiiKind.IdentityCode, "131052-308T");
    }

    [Theory]
    [InlineData('+', "010199")]
    [InlineData('-', "150675")]
    [InlineData('Y', "150675")]
    [InlineData('X', "311299")]
    [InlineData('W', "010100")]
    [InlineData('V', "290296")]
    [InlineData('U', "300480")]
    [InlineData('A', "190517")]
    [InlineData('B', "010124")]
    [InlineData('C', "290200")]
    [InlineData('D', "311223")]
    [InlineData('E', "010101")]
    [InlineData('F', "150610")]
    public void Identity_codes_with_every_century_sign_are_found(char sign, string date)
    {
        var code = Hetu(date, sign, 934);
        AssertFinds($"Lapsi {code} on arvioitu.", PiiKind.IdentityCode, code);
        Assert.True(IdentityCodeDetector.IsValid(code));
    }

    [Fact]
    public void Lower_case_and_typographic_hyphen_are_accepted()
    {
        var code = Hetu("240468", '-', 971);
        AssertFinds($"hetu {code.ToLowerInvariant()}.", PiiKind.IdentityCode, code.ToLowerInvariant());
        var dashed = code.Replace('-', '\u2010');
        AssertFinds($"hetu {dashed}", PiiKind.IdentityCode, dashed);
    }

    [Fact]
    public void Identity_code_with_a_wrong_check_character_is_not_redacted()
    {
        var code = Hetu("131052", '-', 308);
        var wrong = code[..10] + (code[10] == 'A' ? 'B' : 'A');
        AssertNothing($"Asianumero {wrong} käsittelyssä.");
        Assert.False(IdentityCodeDetector.IsValid(wrong));
    }

    [Theory]
    [InlineData("310223", 'A')] // 31 February
    [InlineData("290223", 'A')] // 2023 is not a leap year
    [InlineData("290200", '+')] // the sign + means 1800, not a leap year
    [InlineData("001224", 'A')] // day 0
    [InlineData("011324", 'A')] // month 13
    public void Identity_codes_with_impossible_dates_are_not_redacted(string date, char sign)
    {
        var code = Hetu(date, sign, 123);
        AssertNothing($"koodi {code}");
    }

    [Fact]
    public void Leap_day_depends_on_the_century_sign()
    {
        Assert.True(IdentityCodeDetector.IsValid(Hetu("290200", 'A', 123)));  // 2000 was a leap year
        Assert.False(IdentityCodeDetector.IsValid(Hetu("290200", '-', 123))); // 1900 was not
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Individual_numbers_below_two_are_not_in_use(int individual)
    {
        Assert.False(IdentityCodeDetector.IsValid(Hetu("010190", '-', individual)));
    }

    [Theory]
    [InlineData('G')]
    [InlineData('Z')]
    [InlineData('/')]
    [InlineData('.')]
    public void Unknown_century_signs_are_not_identity_codes(char sign)
    {
        AssertNothing($"koodi {Hetu("010190", sign, 123)}");
    }

    [Fact]
    public void Identity_code_glued_to_other_letters_or_digits_is_not_taken()
    {
        var code = Hetu("010190", '-', 123);
        AssertNothing($"X{code} ja {code}5");
    }

    // ---------------------------------------------------------------- IBANs

    /// <summary>Check digits computed here with BigInteger, independently of the code under test.</summary>
    private static string Iban(string country, string bban)
    {
        var digits = new StringBuilder();
        foreach (var c in bban + country + "00")
            digits.Append(char.IsDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture));
        var check = 98 - (int)(BigInteger.Parse(digits.ToString(), CultureInfo.InvariantCulture) % 97);
        return $"{country}{check:D2}{bban}";
    }

    private static string Grouped(string iban)
        => string.Join(' ', Enumerable.Range(0, (iban.Length + 3) / 4).Select(i => iban.Substring(i * 4, Math.Min(4, iban.Length - (i * 4)))));

    [Theory]
    [InlineData("FI2112345600000785")]
    [InlineData("FI21 1234 5600 0007 85")]
    [InlineData("DE89370400440532013000")]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("GB82WEST12345698765432")]
    [InlineData("SE4550000000058398257466")]
    [InlineData("NO9386011117947")]
    public void Published_example_ibans_are_found(string iban)
    {
        AssertFinds($"Tilille {iban} maksettiin.", PiiKind.Iban, iban);
    }

    [Theory]
    [InlineData("FI", "12345600000785")]
    [InlineData("FI", "79927398713000")]
    [InlineData("EE", "3820001234567890")]
    [InlineData("NL", "ABNA0417164300")]
    public void Computed_ibans_are_found_with_and_without_spaces(string country, string bban)
    {
        var iban = Iban(country, bban);
        AssertFinds($"tili {iban}, kiitos", PiiKind.Iban, iban);
        var grouped = Grouped(iban);
        AssertFinds($"tili {grouped}, kiitos", PiiKind.Iban, grouped);
    }

    [Fact]
    public void Iban_with_a_wrong_checksum_or_length_is_not_redacted()
    {
        var iban = Iban("FI", "12345600000785");
        var wrong = iban[..^1] + (iban[^1] == '0' ? '1' : '0');
        Assert.DoesNotContain(Found($"tili {wrong}"), f => f.Kind == PiiKind.Iban);
        Assert.DoesNotContain(Found($"tili {iban}9"), f => f.Kind == PiiKind.Iban);
        Assert.DoesNotContain(Found($"tili {iban[..^1]}"), f => f.Kind == PiiKind.Iban);
        Assert.False(IbanDetector.IsValid(wrong));
        Assert.True(IbanDetector.IsValid(Grouped(iban)));
    }

    // ---------------------------------------------------------------- phones

    [Theory]
    [InlineData("040 123 4567")]
    [InlineData("+358 40 1234567")]
    [InlineData("+358401234567")]
    [InlineData("+358 (0)40 123 4567")]
    [InlineData("00358 40 123 4567")]
    [InlineData("044-1234567")]
    [InlineData("09 123 4567")]
    [InlineData("(09) 1234 567")]
    [InlineData("0401234567")]
    [InlineData("08 615 541")]
    [InlineData("050 765 43 21")]
    [InlineData("029 123 4567")]
    [InlineData("+46 70 123 45 67")]
    public void Finnish_and_international_phone_numbers_are_found(string phone)
    {
        AssertFinds($"Soita numeroon {phone}, kiitos.", PiiKind.Phone, phone);
    }

    [Theory]
    [InlineData("p. 044 987 6543", "044 987 6543")]
    [InlineData("(puh. 040 765 4321)", "040 765 4321")]
    [InlineData("puh:0401234567.", "0401234567")]
    public void Phone_numbers_after_their_labels_are_found(string text, string phone)
    {
        AssertFinds(text, PiiKind.Phone, phone);
    }

    [Theory]
    [InlineData("Vuokra on 1 200 € ja tuki 050 € vähemmän.")]
    [InlineData("Summa 1 040 000 euroa.")]
    [InlineData("Koodi 010190 ja numero 040.")]
    [InlineData("Aikaväli 2024-01-01 ja 01.01.2024 ja klo 09.00–16.00.")]
    [InlineData("Osuus 0,5 % ja 0401 euroa.")]
    [InlineData("Päivät 01-02-2024 ja 01 02 24.")]
    [InlineData("Asianumero 010190-1234 on auki.")]
    [InlineData("Vuodet 2023 2024 ja 0–3-vuotiaat.")]
    [InlineData("Postinumero 00100 Helsinki.")]
    public void Sums_dates_codes_and_short_numbers_are_not_phone_numbers(string text)
    {
        Assert.DoesNotContain(Found(text), f => f.Kind == PiiKind.Phone);
    }

    [Fact]
    public void Two_phone_numbers_in_a_row_are_two_findings()
    {
        Assert.Equal(
            [(PiiKind.Phone, "040 123 4567"), (PiiKind.Phone, "050 765 4321")],
            Found("numerot 040 123 4567 050 765 4321"));
    }

    // ---------------------------------------------------------------- e-mail

    [Theory]
    [InlineData("marko.l77@example.com")]
    [InlineData("jenni.p.kajaani@example.com")]
    [InlineData("Etu.Suku+tag@posti.example.fi")]
    public void Email_addresses_are_found(string email)
    {
        AssertFinds($"Sähköposti ({email}) tuli.", PiiKind.Email, email);
    }

    [Fact]
    public void Web_addresses_are_not_redacted()
    {
        AssertNothing("Katso https://www.kela.fi/asumistuki ja Suomi.fi sekä kela.fi.");
    }

    // ---------------------------------------------------------------- addresses

    [Theory]
    [InlineData("Kauppakatu 12 A 3, 87100 Kajaani")]
    [InlineData("Kauppakatu 12 A 3")]
    [InlineData("Koulutie 5 B")]
    [InlineData("Pohjolankatu 3")]
    [InlineData("Pohjolankatu 3 87100 Kajaani")]
    [InlineData("Kauppakadulla 12")]
    [InlineData("Koulutiellä 5")]
    [InlineData("Koivukuja 7 as. 4")]
    [InlineData("Rantapolku 2-4")]
    [InlineData("Aleksis Kiven katu 5")]
    [InlineData("Storgatan 4")]
    [InlineData("Ketunpolku 12a")]
    public void Street_addresses_with_house_numbers_are_found(string address)
    {
        AssertFinds($"Asunto osoitteessa {address} on kylmä.", PiiKind.Address, address);
    }

    [Fact]
    public void Address_keeps_a_case_ending_after_the_number_outside()
    {
        AssertFinds("Asunto Kauppakatu 3:ssa on kylmä.", PiiKind.Address, "Kauppakatu 3");
    }

    [Theory]
    [InlineData("Kauppakadulla on kahvila.")]
    [InlineData("Valtatie 22 suljettiin ja kantatie 76 on huonossa kunnossa.")]
    [InlineData("Palvelupolku 2 kuukautta ja Elämänkaari 3 vaihetta.")]
    [InlineData("Postinumero 87100 Kajaani.")]
    [InlineData("Tie 5 kilometriä.")]
    public void Street_names_without_numbers_roads_and_lookalikes_are_not_addresses(string text)
    {
        Assert.DoesNotContain(Found(text), f => f.Kind == PiiKind.Address);
    }

    // ---------------------------------------------------------------- names

    [Theory]
    [InlineData("Esim. asiakas Liisa K. tuli vastaanotolle.", "Liisa K.")]
    [InlineData("Asiakas Marko L. (sähköposti) lähetti kuvia.", "Marko L.")]
    [InlineData("Viimeksi omainen Pekka S. lähetti viestin.", "Pekka S.")]
    [InlineData("AK Raimo T. soitti kolmannen kerran.", "Raimo T.")]
    [InlineData("Omaishoitaja Aino H. otti yhteyttä.", "Aino H.")]
    [InlineData("Yksinhuoltaja, asiakas Jenni P. kertoi.", "Jenni P.")]
    [InlineData("Tapasimme Esko-Pekka K. ja hänen äitinsä.", "Esko-Pekka K.")]
    public void Name_with_an_initial_is_found(string text, string name)
    {
        AssertFinds(text, PiiKind.Name, name);
    }

    [Fact]
    public void Initial_at_the_end_of_a_sentence_leaves_the_period()
    {
        var result = Redactor.Redact("Soitin asiakkaalle Raimo T. Hän ei vastannut.");
        Assert.Equal("Soitin asiakkaalle [NIMI]. Hän ei vastannut.", result.Text);
    }

    [Fact]
    public void Initial_with_a_case_ending_keeps_the_ending()
    {
        Assert.Equal("[NIMI]:n äiti soitti.", Redactor.Redact("Matti V:n äiti soitti.").Text);
    }

    [Theory]
    [InlineData("Asiakas Matti Virtanen soitti.", "Matti Virtanen")]
    [InlineData("Pekka Korhonen soitti eilen.", "Pekka Korhonen")]
    [InlineData("Tapasin Anna Maria Nieminen kanssa.", "Anna Maria Nieminen")]
    [InlineData("Kävin Virpi Mäkisen luona.", "Virpi Mäkisen")]
    [InlineData("Tapasin Annika Lapintien eilen.", "Annika Lapintien")]
    [InlineData("Tapasin Pekka Oulusen eilen.", "Pekka Oulusen")]
    public void Known_first_name_and_surname_are_found(string text, string name)
    {
        AssertFinds(text, PiiKind.Name, name);
    }

    [Theory]
    [InlineData("Naapuri Kalle soitti.", "Kalle")]
    [InlineData("Asiakkaan äiti Sirkku-Liisa kertoi.", "Sirkku-Liisa")]
    [InlineData("Hänen poikansa eli poika Jeremias asuu kotona.", "Jeremias")]
    [InlineData("Asiakas Ahonen ei vastannut.", "Ahonen")]
    public void Capitalised_word_after_a_role_word_is_a_name(string text, string name)
    {
        AssertFinds(text, PiiKind.Name, name);
    }

    [Theory]
    [InlineData("Soitin eilen Liisalle asiasta.", "Liisalle")]
    [InlineData("Tieto tuli Pekan äidiltä.", "Pekan")]
    [InlineData("Olimme Matille yhteydessä.", "Matille")]
    [InlineData("Kuulin asiasta Ainolta.", "Ainolta")]
    [InlineData("Soitin Heikille ja sitten kotiin.", "Heikille")]
    [InlineData("Se oli Kallen idea.", "Kallen")]
    [InlineData("Hän kertoi, että Jukka oli poissa.", "Jukka")]
    public void Known_first_name_alone_mid_sentence_is_found_also_inflected(string text, string name)
    {
        AssertFinds(text, PiiKind.Name, name);
    }

    [Theory]
    [InlineData("Kajaanissa, Sotkamossa, Kuhmossa ja Hyrynsalmella tilanne on sama.")]
    [InlineData("Asiakas Kajaanista ja asiakas Paltamosta sekä äiti Puolangalta.")]
    [InlineData("Ristijärvi, Suomussalmi ja Oulu sekä Helsingissä ja Turussa.")]
    [InlineData("Kela ja THL sekä HYTE ja Kainuun hyvinvointialue.")]
    [InlineData("Asiakas Kelan kautta ja asiakas TE-toimistosta.")]
    [InlineData("Tammikuussa ja Helmikuussa, Maanantaina.")]
    [InlineData("Lääkäri Terveystalosta ja työntekijä Ohjaamosta.")]
    [InlineData("Asiakas Kajaanilainen ja äiti Kela-asioissa sekä asiakas Kelakin.")]
    [InlineData("Äiti Kansaneläkelaitokselta ja asiakas Hyrynsalmelta sekä isä Ristijärvellä.")]
    public void Places_organisations_and_months_are_not_names(string text)
    {
        AssertNothing(text);
    }

    [Theory]
    [InlineData("Anna asiakkaalle tieto ajoissa.")]
    [InlineData("Toivo Kelan päätöksestä on turha.")]
    [InlineData("Kai Kainuussa asiat ovat toisin.")]
    [InlineData("Usko Sotkamon palveluihin on koetuksella.")]
    [InlineData("Asiakkaat kertovat, että Tilanne on vaikea.")]
    [InlineData("Vuokra 1 200 € ja 50 euroa, vuonna 2024, 1.1.–30.6. ja 010190.")]
    public void Sentence_initial_common_words_sums_dates_and_years_are_not_names(string text)
    {
        AssertNothing(text);
    }

    [Fact]
    public void Unknown_first_name_alone_and_a_lone_name_at_sentence_start_are_missed_as_documented()
    {
        AssertNothing("Kerroin, että Jeremias soitti.");
        AssertNothing("Liisa soitti eilen.");
    }

    [Fact]
    public void Embedded_first_name_list_has_hundreds_of_names_and_marks_ordinary_words()
    {
        var lexicon = NameLexicon.Default;
        Assert.InRange(lexicon.FirstNameCount, 300, 1000);
        Assert.True(lexicon.IsFirstName("Liisa"));
        Assert.True(lexicon.IsFirstName("Väinö"));
        Assert.True(lexicon.IsOrdinaryWordToo("Toivo"));
        Assert.False(lexicon.IsOrdinaryWordToo("Matti"));
        Assert.True(lexicon.IsNonName("Kajaanissa"));
        Assert.False(lexicon.IsNonName("Kajaanimäki"));
    }

    [Fact]
    public void Acronyms_after_role_words_are_not_names()
    {
        AssertNothing("Esim. AK (ei tietoa) ja asiakas THL:n mukaan.");
    }

    // ---------------------------------------------------------------- the redactor

    [Fact]
    public void Redacted_text_has_placeholders_and_findings_point_into_the_original()
    {
        var hetu = Hetu("131052", '-', 308);
        var text = $"Asiakas Liisa K. (hetu {hetu}, liisa.k@example.com, puh. 040 123 4567, tili FI21 1234 5600 0007 85) "
                   + "asuu osoitteessa Koulutie 5 B, 87100 Kajaani ja sai 1 200 € 1.1.2024.";
        var result = Redactor.Redact(text);
        Assert.Equal(
            "Asiakas [NIMI] (hetu [HETU], [SÄHKÖPOSTI], puh. [PUHELIN], tili [IBAN]) "
            + "asuu osoitteessa [OSOITE] ja sai 1 200 € 1.1.2024.",
            result.Text);
        Assert.Equal(
            [(PiiKind.Name, "Liisa K."), (PiiKind.IdentityCode, hetu), (PiiKind.Email, "liisa.k@example.com"),
             (PiiKind.Phone, "040 123 4567"), (PiiKind.Iban, "FI21 1234 5600 0007 85"), (PiiKind.Address, "Koulutie 5 B, 87100 Kajaani")],
            result.Redactions.Select(r => (r.Kind, text.Substring(r.Start, r.Length))));
        Assert.Equal(1, result.Count(PiiKind.Phone));
        Assert.Empty(new PiiRedactor().Redact("Ei henkilötietoja.").Redactions);
    }

    [Fact]
    public void Identity_code_wins_over_a_phone_number_that_overlaps_it()
    {
        var code = Hetu("010190", '-', 234);
        AssertFinds($"koodi {code}", PiiKind.IdentityCode, code);
    }

    [Fact]
    public void Text_without_personal_data_comes_back_unchanged()
    {
        const string text = "Kelan päätökset viipyvät Kajaanissa 3–4 viikkoa; esim. 1.1.–30.6. jonossa oli 1 200 hakemusta.";
        var result = Redactor.Redact(text);
        Assert.Equal(text, result.Text);
        Assert.Empty(result.Redactions);
    }

    [Fact]
    public void Options_limit_the_kinds_redacted()
    {
        var emailOnly = new PiiRedactor(new PiiRedactorOptions { Kinds = [PiiKind.Email] });
        Assert.Equal(
            "Asiakas Liisa K. ([SÄHKÖPOSTI]) 040 123 4567",
            emailOnly.Redact("Asiakas Liisa K. (liisa.k@example.com) 040 123 4567").Text);
    }

    [Fact]
    public void Additional_first_names_and_non_names_are_used()
    {
        var redactor = new PiiRedactor(new PiiRedactorOptions
        {
            AdditionalFirstNames = ["Zyrille"],
            AdditionalNonNames = ["Matti"],
        });
        Assert.Equal([(PiiKind.Name, "Zyrille")], Found("Tapasin eilen Zyrille.", redactor));
        Assert.Empty(Found("Tapasin eilen Matti.", redactor));
        Assert.Equal([(PiiKind.Name, "Matti")], Found("Tapasin eilen Matti."));
    }

    [Fact]
    public void Invalid_options_are_rejected_once_with_every_problem()
    {
        var options = new PiiRedactorOptions { Kinds = [], AdditionalFirstNames = ["kaksi sanaa"] };
        Assert.Equal(2, options.Validate().Count);
        var e = Assert.Throws<ArgumentException>(() => new PiiRedactor(options));
        Assert.Contains("Kinds", e.Message, StringComparison.Ordinal);
        Assert.Contains("AdditionalFirstNames", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new PiiRedactor(new PiiRedactorOptions { Kinds = [(PiiKind)42] }));
    }

    [Fact]
    public void Placeholders_are_the_documented_ones()
    {
        Assert.Equal(
            ["[HETU]", "[IBAN]", "[SÄHKÖPOSTI]", "[PUHELIN]", "[OSOITE]", "[NIMI]"],
            PiiRedactorOptions.AllKinds.Select(PiiRedactor.PlaceholderFor));
    }

    [Fact]
    public void Redacting_already_redacted_text_changes_nothing()
    {
        var once = Redactor.Redact("Asiakas Liisa K. (liisa.k@example.com) puh. 040 123 4567").Text;
        Assert.Equal(once, Redactor.Redact(once).Text);
    }

    [Fact]
    public void One_megabyte_of_text_is_redacted_with_every_finding()
    {
        var hetu = Hetu("150675", '-', 432);
        var paragraph = $"Asiakas Liisa K. soitti numerosta 040 123 4567 ja kertoi hetunsa {hetu}. Kelan päätös viipyy.\n";
        var sb = new StringBuilder();
        int copies = 0;
        while (sb.Length < 1 << 20)
        {
            sb.Append(paragraph);
            copies++;
        }

        var result = Redactor.Redact(sb.ToString());
        Assert.Equal(copies, result.Count(PiiKind.Name));
        Assert.Equal(copies, result.Count(PiiKind.Phone));
        Assert.Equal(copies, result.Count(PiiKind.IdentityCode));
        Assert.DoesNotContain(hetu, result.Text, StringComparison.Ordinal);
    }
}

using SosRap.Models;

namespace SosRap.Pipeline.Tests.Suggestions;

/// <summary>A hand-written corpus of four categories, five reports each, with clearly different vocabulary.</summary>
internal static class SmallCorpus
{
    public static Taxonomy Taxonomy { get; } = new(
    [
        new Category("asuminen", "Asuminen ja asunnottomuus", "Asunnon saaminen, vuokrat ja vuokravakuudet, häädöt ja asunnottomuus.", ["vuokra", "asunto"]),
        new Category("toimeentulo", "Toimeentulo ja etuudet", "Kelan etuudet, toimeentulotuki ja niiden käsittelyajat, ruoka-apu.", []),
        new Category("liikkuminen", "Liikkuminen ja kuljetus", "Joukkoliikenne, bussivuorot, kuljetuspalvelu ja matkakustannukset haja-asutusalueella.", []),
        new Category("lapset_perheet", "Lapset ja perheet", "Lastensuojelu, perhetyö, varhaiskasvatus ja koulunkäynnin tuki.", []),
    ], "test-1");

    private static readonly (string Category, string Text)[] Texts =
    [
        ("asuminen", "Asiakkaat eivät saa vuokravakuutta ja vuokranantaja vaatii kahden kuukauden vuokran takuun ennen asunnon luovutusta."),
        ("asuminen", "Nuoret jäävät asunnottomiksi, koska vuokra-asuntoja ei ole tarjolla ja vuokrat ovat nousseet."),
        ("asuminen", "Häätöjä on tullut vuokravelan vuoksi, ja asunnottomuus on kasvanut kaupungissa."),
        ("asuminen", "Vuokranantajat eivät hyväksy asukkaaksi henkilöä, jolla on maksuhäiriömerkintä, joten asunto jää saamatta."),
        ("asuminen", "Tuetun asumisen paikkoja on liian vähän ja jono asuntoon on pitkä."),
        ("toimeentulo", "Kelan perustoimeentulotuen päätökset viipyvät ja asiakkaat jäävät ilman rahaa ruokaan."),
        ("toimeentulo", "Toimeentulotuen käsittelyajat ovat venyneet ja ruoka-avun tarve on kasvanut."),
        ("toimeentulo", "Etuuksien väliinputoaminen: työmarkkinatuki katkeaa ja Kelan päätöstä joutuu odottamaan viikkoja."),
        ("toimeentulo", "Täydentävää toimeentulotukea haetaan lääkkeisiin, koska Kelan etuus ei riitä."),
        ("toimeentulo", "Pienituloiset eläkeläiset hakevat ruoka-apua, koska eläke ei riitä laskuihin ja ruokaan."),
        ("liikkuminen", "Bussivuoro lakkautettiin ja haja-asutusalueen asukkaat eivät pääse terveysasemalle."),
        ("liikkuminen", "Kuljetuspalvelun matkat on rajattu ja asiakkaat jäävät kotiin ilman kyytiä."),
        ("liikkuminen", "Joukkoliikenne ei kulje iltaisin, joten nuoret eivät pääse harrastuksiin kylältä."),
        ("liikkuminen", "Matkakustannusten korvaus taksimatkoista viivästyy ja asiakkaat jättävät lääkärikäynnit väliin."),
        ("liikkuminen", "Koulukyydit ja linja-autovuorot on karsittu syrjäkylillä, ja matka keskustaan kestää tunteja."),
        ("lapset_perheet", "Lastensuojelun sosiaalityöntekijöitä on liian vähän ja perheet odottavat perhetyötä kuukausia."),
        ("lapset_perheet", "Varhaiskasvatuksen paikkoja ei ole vuorotyötä tekeville vanhemmille."),
        ("lapset_perheet", "Koululaiset tarvitsevat koulunkäynnin tukea, mutta koulupsykologille on pitkä jono."),
        ("lapset_perheet", "Perheneuvolan jonot ovat pitkät ja lapsiperheet jäävät ilman apua."),
        ("lapset_perheet", "Lastensuojeluilmoitusten määrä on kasvanut ja perhetyön resurssit eivät riitä."),
    ];

    public static IReadOnlyList<Report> Reports { get; } =
        Texts.Select((t, i) => new Report { Id = $"R-{i + 1:00}", Phenomenon = t.Text, Categories = [t.Category] }).ToList();

    public const string HousingText = "Vuokranantaja vaatii suuren vuokravakuuden, eikä asiakas saa asuntoa, koska vakuutta ei makseta.";
}

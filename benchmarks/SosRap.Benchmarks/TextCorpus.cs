using System.Text;

namespace SosRap.Benchmarks;

/// <summary>
/// Synthetic Finnish report text for the text benchmarks, written for them (no real or evaluation
/// reports): report-like sentences with abbreviations, dates, sums and, in one paragraph in ten,
/// personal data of every kind.
/// </summary>
internal static class TextCorpus
{
    private static readonly string[] Sentences =
    [
        "Asiakkailla on toistuvasti tilanne, että Kelan perustoimeentulotukipäätös viipyy yli seitsemän arkipäivää.",
        "Esim. yksinhuoltajaperheissä työttömyysetuuden lapsikorotusten poistuminen vei tuloista n. 250 e kuussa.",
        "Vuokrat ovat nousseet 1.1.2024 alkaen keskimäärin 4,5 % ja vuokravakuuksia (1 200 €) ei myönnetä.",
        "TE-toimiston ja Kela:n välinen tiedonkulku ei toimi, ks. https://www.kela.fi/toimeentulotuki.",
        "Sosiaali- ja terveyspalvelujen asiakasmaksut kasautuvat; mm. kotihoidon laskut erääntyvät klo 16 mennessä.",
        "Kajaanissa, Sotkamossa ja Kuhmossa bussivuoroja on karsittu, joten asiointi THL:n ohjeiden mukaan vaikeutuu.",
        "Raportointikaudella 1.1.–30.6. ilmiöitä kirjattiin 2. kertaa enemmän kuin edellisvuonna (12/2023).",
        "Nuoret 18–29-vuotiaat jäävät ilman jatko-opiskelupaikkaa, eikä Ohjaamo ehdi tavoittaa kaikkia.",
        "Ikääntyneet eivät saa apua Suomi.fi-valtuutuksen tekemiseen, ja omaiset soittavat meille 😕.",
        "Toimenpide-ehdotus: sovitaan Kelan kanssa nopea yhteydenottokanava kiireellisiin tilanteisiin!",
    ];

    private static readonly string[] PersonalSentences =
    [
        "Esim. asiakas Liisa K. (liisa.k@example.com, puh. 040 123 4567) tuli vastaanotolle viikkoa ennen häätöä.",
        "Omainen Pekka Virtanen (hetu 131052-308T) maksoi tilille FI21 1234 5600 0007 85, osoite Koulutie 5 B, 87100 Kajaani.",
    ];

    /// <summary>About <paramref name="chars"/> characters of paragraphs, deterministic.</summary>
    public static string Build(int chars)
    {
        var sb = new StringBuilder(chars + 1024);
        int paragraph = 0;
        while (sb.Length < chars)
        {
            for (int s = 0; s < 4; s++) sb.Append(Sentences[((paragraph * 3) + s) % Sentences.Length]).Append(' ');
            if (paragraph % 10 == 9) sb.Append(PersonalSentences[(paragraph / 10) % PersonalSentences.Length]);
            sb.Append("\r\n\r\n");
            paragraph++;
        }

        return sb.ToString();
    }
}

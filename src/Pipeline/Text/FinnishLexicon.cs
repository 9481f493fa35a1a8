using System.Collections.Frozen;

namespace SosRap.Pipeline.Text;

/// <summary>
/// Closed-class facts of Finnish lemmatization that Voikko's dictionary does not encode, following the
/// Universal Dependencies conventions for Finnish (UD_Finnish-TDT): plural pronouns take the singular
/// lemma, colloquial pronoun forms map to the standard ones, and a small set of very frequent case
/// forms are lexicalised adverbs and adpositions whose lemma is the form itself.
/// </summary>
internal static class FinnishLexicon
{
    /// <summary>Voikko base form of a pronoun → UD lemma (<c>me</c> → <c>minä</c>, <c>ne</c> → <c>se</c>).</summary>
    public static readonly FrozenDictionary<string, string> PronounLemma = new Dictionary<string, string>
    {
        ["me"] = "minä",
        ["te"] = "sinä",
        ["he"] = "hän",
        ["ne"] = "se",
        ["nämä"] = "tämä",
        ["nuo"] = "tuo",
        ["molempi"] = "molemmat",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Spoken-language forms that Voikko does not know, with their standard lemma: pronouns, the
    /// verbs olla/voida/tulla in their shortest spoken forms, and a few particles.
    /// </summary>
    public static readonly FrozenDictionary<string, string> ColloquialLemma = new Dictionary<string, string>
    {
        ["mä"] = "minä", ["mää"] = "minä", ["mie"] = "minä", ["mun"] = "minä", ["mua"] = "minä", ["mulla"] = "minä",
        ["multa"] = "minä", ["mulle"] = "minä", ["musta"] = "minä", ["muhun"] = "minä",
        ["sä"] = "sinä", ["sää"] = "sinä", ["sie"] = "sinä", ["sun"] = "sinä", ["sua"] = "sinä", ["sulla"] = "sinä",
        ["sulta"] = "sinä", ["sulle"] = "sinä", ["susta"] = "sinä", ["suhun"] = "sinä",
        ["mei"] = "minä", ["meil"] = "minä", ["teil"] = "sinä", ["niil"] = "se", ["sil"] = "se",
        ["noi"] = "tuo", ["toi"] = "tuo", ["tää"] = "tämä", ["nää"] = "tämä",
        ["tos"] = "tuo", ["tossa"] = "tuo", ["täs"] = "tämä",
        ["oon"] = "olla", ["oot"] = "olla", ["olis"] = "olla", ["oisin"] = "olla", ["ois"] = "olla",
        ["ett"] = "että", ["et'"] = "että", ["mut"] = "mutta", ["mutt"] = "mutta", ["ku"] = "kun",
        ["sit"] = "sitten", ["sitte"] = "sitten", ["ni"] = "niin", ["nii"] = "niin",
        ["jotenki"] = "jotenkin",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Case forms that Finnish grammar treats as adverbs or adpositions in their own right (VISK
    /// §§ 370, 686–692) and that Voikko analyses only as a case of a noun or adjective: the lemma is the
    /// form itself (<c>esimerkiksi</c>, not <c>esimerkki</c>).
    /// </summary>
    public static readonly FrozenSet<string> LexicalizedCaseForms = new[]
    {
        // adverbs
        "paljon", "esimerkiksi", "lopulta", "lisäksi", "usein", "kovin", "täysin", "yhdessä", "kerran",
        "samalla", "tarpeeksi", "liikaa", "kokonaan", "pitkään", "hiukan", "vähän", "enemmän", "eniten", "vähemmän",
        "vähiten", "hyvin", "kauan", "aikanaan", "lähinnä", "lähes", "nykyään", "todella", "totta",
        "tosissaan", "ensin", "viimeksi", "taas", "kotona", "ulkona", "sisällä", "yhtäkkiä",
        "ympäri", "vihdoin", "pian", "varmaan", "ennen", "jälkeen", "aikaisin", "myöhään", "takaisin",
        "ohi", "vastoin", "kesken", "asti", "saakka", "mukaan", "kanssa", "luona", "ilman",
        // interrogative and other closed-class adverbs that Voikko reads as case forms (mikä → miksi)
        "miksi", "siksi", "tosin", "kaikkein", "varsinkin",
        // primary adpositions built on case forms (secondary ones such as avulla, perusteella stay nouns)
        "sijaan", "sijasta", "kautta", "puolesta", "suhteen", "välillä", "välissä", "välille",
        "ohella", "sisään", "mennessä", "lähtien", "puitteissa", "ääressä",
        "vuoksi", "takia", "myötä", "keskellä",
        "vieressä", "lomassa", "parissa", "pariin", "kohti", "vastassa", "vastaan",
        "huolimatta", "kohtaan", "ympärillä", "nojalla", "ohessa", "alla", "yllä",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Finnish auxiliary and modal verbs (the UD AUX class for Finnish).</summary>
    public static readonly FrozenSet<string> Auxiliaries = new[]
    {
        "olla", "voida", "saattaa", "täytyä", "pitää", "tarvita", "joutua", "taitaa", "mahtaa", "ei",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Conjunctions that share their form with a pronoun case form; after a comma they are the conjunction.</summary>
    public static readonly FrozenSet<string> ConjunctionsAfterComma = new[] { "sillä" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Participles that standard dictionaries (Kielitoimiston sanakirja) list as adjectives of their
    /// own; their lemma stays the participle (<c>tietty</c>), where other participles take the verb.
    /// </summary>
    public static readonly FrozenSet<string> LexicalizedParticiples = new[]
    {
        "tietty", "sopiva", "merkittävä", "kiinnostava", "seuraava", "yllättävä", "luotettava", "tarvittava",
        "kokenut", "väsynyt", "kiinnostunut", "sallittu", "tunnettu", "jatkuva", "vastaava", "riittävä",
        "huomattava", "erinomainen", "pätevä", "oikeutettu", "ihastuttava", "hämmästyttävä", "miellyttävä",
        "vaativa", "johtava", "näkyvä", "vallitseva", "mukaansatempaava", "houkutteleva", "sitova",
        "kunnioitettava", "toivottava", "valitettava", "ymmärrettävä", "kohtuullinen", "mahdollinen",
        "koulutettu", "sivistynyt", "kehittynyt", "rajoitettu", "hajautettu", "keskitetty", "suljettu", "avattu",
        "pelottava", "huolestuttava", "rauhoittava", "innostava", "inspiroiva",
        "koskematon", "välttämätön", "tarpeeton", "ehdoton", "rajaton", "loputon", "lukematon",
        "kuuluisa", "tyytyväinen", "kiireinen", "sairastunut", "ihastunut", "rakastunut", "koukuttava",
        "kuollut", "syntynyt", "vanhentunut", "ajantasainen", "puuttuva", "nykyinen",
        "lupaava", "uhkaava", "palkitseva", "kestävä", "haastava", "vahingollinen", "elävä", "epäröivä", "kantava",
        "pysyvä", "mennyt", "kulunut", "viimeinen", "edeltävä", "oheinen", 
        "hyödyllinen", "kelvollinen", "keskeneräinen", "järkyttävä", "ällistyttävä", "viehättävä",
    }.ToFrozenSet(StringComparer.Ordinal);
}

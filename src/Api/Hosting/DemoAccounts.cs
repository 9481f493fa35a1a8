using SosRap.Api.Contracts;

namespace SosRap.Api.Hosting;

/// <summary>The demo users of development mode: one or two per role, with service areas that match the sample reports.</summary>
internal static class DemoAccounts
{
    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new("tyontekija", "Tiina Työntekijä (demo)", Role.Tyontekija, ["Aikuissosiaalityö"]),
        new("tyontekija2", "Toni Työntekijä (demo)", Role.Tyontekija, ["Ikääntyneiden palvelut"]),
        new("esihenkilo", "Eeva Esihenkilö (demo)", Role.Esihenkilo, ["Aikuissosiaalityö", "Sosiaalipäivystys", "Mielenterveys- ja päihdepalvelut"]),
        new("esihenkilo2", "Erkki Esihenkilö (demo)", Role.Esihenkilo, ["Ikääntyneiden palvelut", "Vammaispalvelut", "Lapsiperheiden palvelut", "Lastensuojelu"]),
        new("tyoryhma", "RAKE-työryhmä (demo)", Role.Tyoryhma, []),
        new("tutkija", "Tutkija (demo)", Role.Tutkija, []),
        new("yllapitaja", "Ylläpitäjä (demo)", Role.Yllapitaja, []),
    ];

    /// <summary>The sample reports' author: the first worker for the first supervisor's areas, the second for the rest.</summary>
    public static string AuthorSlugFor(string serviceArea) =>
        All[2].ServiceAreas.Contains(serviceArea, StringComparer.Ordinal) ? "tyontekija" : "tyontekija2";
}

using SosRap.Models;

namespace SosRap.Pipeline.Tests.IO;

/// <summary>Hand-written reports that exercise every column, nulls, empty lists and awkward text.</summary>
internal static class SampleReports
{
    public static List<Report> All() =>
    [
        new Report
        {
            Id = "R-1",
            Phenomenon = "Vuokravakuuksia ei myönnetä, ja asiakkaat jäävät ilman asuntoa.",
            Proposal = "Selvitetään vakuuskäytäntö Kelan kanssa.",
            Municipality = "Kajaani",
            ServiceArea = "Aikuissosiaalityö",
            ReportedAt = new DateOnly(2024, 3, 15),
            Categories = ["asuminen", "toimeentulo"],
            Kind = ReportKind.Epakohta,
            AffectedClients = 12,
            Responsible = "Kela",
            Language = "fi",
            Theme = "asuminen",
            ContainsPii = false,
        },
        new Report { Id = "R-2", Phenomenon = "Vain pakollinen kenttä." },
        new Report
        {
            Id = "R-3",
            // Delimiters, quotes, CRLF and LF inside text, leading/trailing spaces, emoji (a surrogate pair).
            Phenomenon = "Rivi 1; puolipiste, pilkku ja \"lainaus\"\r\nrivi 2\nrivi 3 😀 ",
            Proposal = "  \"Koko kenttä lainauksissa\"  ",
            Municipality = "Ristijärvi",
            ReportedAt = new DateOnly(2023, 12, 31),
            Categories = [],
            Kind = ReportKind.HyvaKaytanto,
            AffectedClients = 0,
            Language = "sv",
            ContainsPii = true,
        },
        new Report
        {
            Id = "R-4",
            Phenomenon = "Yksi luokka | ja pystyviiva tekstissä.",
            Categories = ["digi"],
            AffectedClients = int.MaxValue,
            ServiceArea = "Perhe, lapset; nuoret",
            Theme = "digi",
        },
    ];

    public static void AssertEqual(IReadOnlyList<Report> expected, IReadOnlyList<Report> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) AssertEqual(expected[i], actual[i]);
    }

    public static void AssertEqual(Report e, Report a)
    {
        Assert.Equal(e.Id, a.Id);
        Assert.Equal(e.Phenomenon, a.Phenomenon);
        Assert.Equal(e.Proposal, a.Proposal);
        Assert.Equal(e.Municipality, a.Municipality);
        Assert.Equal(e.ServiceArea, a.ServiceArea);
        Assert.Equal(e.ReportedAt, a.ReportedAt);
        Assert.Equal(e.Categories, a.Categories);
        Assert.Equal(e.Kind, a.Kind);
        Assert.Equal(e.AffectedClients, a.AffectedClients);
        Assert.Equal(e.Responsible, a.Responsible);
        Assert.Equal(e.Language, a.Language);
        Assert.Equal(e.Theme, a.Theme);
        Assert.Equal(e.ContainsPii, a.ContainsPii);
    }
}

using System.Text;
using SosRap.Models;
using SosRap.Pipeline.IO;

namespace SosRap.Pipeline.Tests.IO;

public sealed class TaxonomyJsonTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Taxonomy Parse(string json) => TaxonomyJson.Parse(Encoding.UTF8.GetBytes(json), "t.json");

    [Fact]
    public void Loads_every_field_and_ignores_unknown_ones()
    {
        var t = Parse("""
            [
              {"id": "asuminen", "name": "Asuminen", "description": "Vuokrat ja häädöt.", "terms": ["vuokra", "häätö"], "support_need": "asumiseen liittyvä tuen tarve"},
              {"id": "velat", "name": "Velat", "description": "", "note": "ignored"}
            ]
            """);
        Assert.Equal(2, t.Categories.Count);
        Assert.Equal(new[] { "vuokra", "häätö" }, t.Categories[0].Terms);
        Assert.Equal("asumiseen liittyvä tuen tarve", t.Categories[0].SupportNeed);
        Assert.Empty(t.Categories[1].Terms);
        Assert.Null(t.Categories[1].SupportNeed);
    }

    [Fact]
    public async Task Save_then_load_gives_the_same_taxonomy()
    {
        using var dir = new TempDir();
        var path = dir.File("t.json");
        var t = new Taxonomy([new Category("asuminen", "Asuminen ja \"asunnottomuus\"", "Rivi 1\nrivi 2", ["vuokra"], "tuen tarve"), new Category("digi", "Digi", "Sähköinen asiointi", [])]);
        await TaxonomyJson.SaveAsync(path, t, Ct);
        var text = await File.ReadAllTextAsync(path, Ct);
        Assert.Contains("\"name\":\"Asuminen ja \\\"asunnottomuus\\\"\"", text, StringComparison.Ordinal);
        Assert.Contains("Sähköinen", text, StringComparison.Ordinal); // letters are not \u-escaped
        var back = await TaxonomyJson.LoadAsync(path, Ct);
        Assert.Equal(t.Categories.Count, back.Categories.Count);
        for (var i = 0; i < t.Categories.Count; i++)
        {
            Assert.Equal(t.Categories[i].Id, back.Categories[i].Id);
            Assert.Equal(t.Categories[i].Name, back.Categories[i].Name);
            Assert.Equal(t.Categories[i].Description, back.Categories[i].Description);
            Assert.Equal(t.Categories[i].Terms, back.Categories[i].Terms);
            Assert.Equal(t.Categories[i].SupportNeed, back.Categories[i].SupportNeed);
        }
    }

    [Fact]
    public void Duplicate_id_names_both_lines()
    {
        var e = Assert.Throws<InputException>(() => Parse("[\n{\"id\":\"a\",\"name\":\"A\",\"description\":\"\"},\n{\"id\":\"b\",\"name\":\"B\",\"description\":\"\"},\n{\"id\":\"a\",\"name\":\"A2\",\"description\":\"\"}\n]"));
        Assert.Equal("t.json:4: 'id': luokan tunnus 'a' on jo rivillä 2", e.Message);
    }

    [Fact]
    public void Missing_field_names_the_category_line_and_field()
    {
        var e = Assert.Throws<InputException>(() => Parse("[\n{\"id\":\"a\",\"name\":\"A\",\"description\":\"\"},\n{\"id\":\"b\",\"descripton\":\"typo\", \"name\":\"B\"}\n]"));
        Assert.Equal("t.json:3: 'description': luokalta 2 puuttuu kenttä 'description'", e.Message);
    }

    [Fact]
    public void Invalid_json_gives_line_and_position()
    {
        var e = Assert.Throws<InputException>(() => Parse("[\n  {\"id\": \"a\", \"name\": \"A\",, \"description\": \"\"}\n]"));
        Assert.Equal(2, e.Row);
        Assert.Equal("t.json:2: virheellistä JSONia rivin 2 kohdassa 27", e.Message);
    }

    [Fact]
    public void Wrong_types_and_shapes_are_named()
    {
        Assert.Equal("t.json:1: odotettiin JSON-taulukkoa luokista ([{\"id\": …}, …])", Assert.Throws<InputException>(() => Parse("{\"id\":\"a\"}")).Message);
        Assert.Equal("t.json:1: 'terms': luokan 1 kenttä: odotettiin taulukkoa merkkijonoja",
            Assert.Throws<InputException>(() => Parse("[{\"id\":\"a\",\"name\":\"A\",\"description\":\"\",\"terms\":\"x\"}]")).Message);
        Assert.Equal("id", Assert.Throws<InputException>(() => Parse("[{\"id\":\"a|b\",\"name\":\"A\",\"description\":\"\"}]")).Field);
        Assert.Equal("t.json: tiedosto on tyhjä; odotettiin JSON-taulukkoa luokista", Assert.Throws<InputException>(() => Parse("")).Message);
    }
}

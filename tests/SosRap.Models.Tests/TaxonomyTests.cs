namespace SosRap.Models.Tests;

public sealed class TaxonomyTests
{
    private static Category Cat(string id) => new(id, id, "kuvaus", []);

    [Fact]
    public void Duplicate_ids_are_rejected_with_the_id_and_position()
    {
        var e = Assert.Throws<ArgumentException>(() => new Taxonomy([Cat("asuminen"), Cat("velat"), Cat("asuminen")]));
        Assert.Contains("'asuminen'", e.Message, StringComparison.Ordinal);
        Assert.Contains("position 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_id_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new Taxonomy([Cat("asuminen"), Cat(" ")]));
    }

    [Fact]
    public void Contains_is_exact_and_case_sensitive()
    {
        var t = new Taxonomy([Cat("asuminen"), Cat("velat")]);
        Assert.True(t.Contains("velat"));
        Assert.False(t.Contains("Velat"));
        Assert.False(t.Contains("digi"));
    }

    [Fact]
    public void Full_text_joins_phenomenon_and_proposal_only_when_a_proposal_exists()
    {
        var r = new Report { Id = "1", Phenomenon = "Ilmiö." };
        Assert.Equal("Ilmiö.", r.FullText);
        Assert.Equal("Ilmiö.\n\nEhdotus.", (r with { Proposal = "Ehdotus." }).FullText);
    }
}

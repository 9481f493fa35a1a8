using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Evaluation.Representations;
using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Tests.Evaluation;

public sealed class RepresentationSpecTests
{
    [Fact]
    public void A_list_splits_at_commas_outside_parentheses()
    {
        var specs = RepresentationSpec.ParseList("tfidf, lsa(dim=100,scale=sqrt) ,tfidf(weighting=bm25)");
        Assert.Equal(["tfidf", "lsa", "tfidf"], specs.Select(s => s.Name));
        Assert.Equal("100", specs[1].Arguments["dim"]);
        Assert.Equal(["tfidf", "lsa-dim100-scalesqrt", "tfidf-weightingbm25"], specs.Select(s => s.Label));
    }

    [Fact]
    public void Arguments_become_typed_options()
    {
        var lsa = RepresentationRegistry.LsaOptionsOf(RepresentationSpec.Parse("lsa(dim=64,scale=whitened,parts=separate,ngrams=none,power=2,seed=5)"), 1);
        Assert.Equal(64, lsa.Dimension);
        Assert.Equal(LsaWeighting.Whitened, lsa.Weighting);
        Assert.Equal(CompoundPartMode.Separate, lsa.Features.CompoundParts);
        Assert.Equal(CharNgramScope.None, lsa.Features.CharNgrams);
        Assert.Equal(2, lsa.Svd.PowerIterations);
        Assert.Equal(5, lsa.Svd.Seed);
        var tfidf = RepresentationRegistry.TfidfOptionsOf(RepresentationSpec.Parse("tfidf(weighting=bm25,k1=1.5,b=0.5,mindf=2,partweight=0.25)"));
        Assert.Equal(TermWeighting.Bm25, tfidf.Weighting);
        Assert.Equal(1.5, tfidf.Bm25K1);
        Assert.Equal(0.25f, tfidf.PartWeight);
    }

    [Theory]
    [InlineData("lsa(dim=100", "sulkeva sulje")]
    [InlineData("lsa(dim)", "avain=arvo")]
    [InlineData("lsa(dim=1,dim=2)", "kahdesti")]
    [InlineData("tfidf,tfidf", "kahdesti")]
    [InlineData("tfidf)", "ylimääräinen")]
    [InlineData("", "vähintään yksi")]
    [InlineData("tf idf", "nimi")]
    public void Malformed_lists_are_refused_with_a_reason(string text, string reason)
    {
        var e = Assert.Throws<InputException>(() => RepresentationSpec.ParseList(text));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.Equal("--representations", e.Field);
    }

    [Theory]
    [InlineData("tfidf(dim=5)", "ei ole asetusta 'dim'")]
    [InlineData("lsa(dim=0)", "'dim' arvo '0'")]
    [InlineData("lsa(scale=loud)", "sigma, sqrt, whitened")]
    [InlineData("tfidf(maxdf=0,5)", "avain=arvo")]
    [InlineData("tfidf(sublinear=maybe)", "true tai false")]
    [InlineData("word2vec", "tuntematon esitystapa 'word2vec'")]
    public void Unknown_names_keys_and_bad_values_are_refused_before_any_work(string text, string reason)
    {
        var registry = RepresentationRegistry.CreateDefault();
        var e = Assert.Throws<InputException>(() =>
        {
            foreach (var spec in RepresentationSpec.ParseList(text)) registry.Check(spec);
        });
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }
}

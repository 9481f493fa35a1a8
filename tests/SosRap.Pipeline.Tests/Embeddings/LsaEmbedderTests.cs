using System.Numerics.Tensors;
using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Features;
using SosRap.Pipeline.Tests.Features;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Tests.Embeddings;

public sealed class LsaEmbedderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TfidfOptions WordsOnly = new() { CompoundParts = CompoundPartMode.None, CharNgrams = CharNgramScope.None };

    // Two topics: transport (bussi, vuoro, liikenne, kyyti) and housing (vuokra, asunto, vakuus, häätö).
    private static readonly AnalyzedText[] Corpus =
    [
        Texts.Of("bussi", "vuoro", "liikenne"), Texts.Of("bussi", "kyyti"), Texts.Of("vuoro", "liikenne", "kyyti"), Texts.Of("bussi", "liikenne"),
        Texts.Of("vuokra", "asunto", "vakuus"), Texts.Of("asunto", "häätö"), Texts.Of("vuokra", "vakuus", "häätö"), Texts.Of("vuokra", "asunto"),
    ];

    [Fact]
    public void Words_that_share_contexts_meet_even_when_two_texts_share_no_word()
    {
        var lsa = new LsaEstimator(new LsaOptions { Features = WordsOnly, Dimension = 2 }).Fit(Corpus, cancellationToken: Ct);
        Assert.Equal(2, lsa.Dimension);
        var query = Embed(lsa, Texts.Of("kyyti"));
        var transport = Embed(lsa, Texts.Of("vuoro", "liikenne"));
        var housing = Embed(lsa, Texts.Of("vuokra", "asunto"));
        Assert.True(TensorPrimitives.Dot(query, transport) > 0.9f);
        Assert.True(TensorPrimitives.Dot(query, housing) < 0.3f);
        // In tf-idf space the query and the transport text share nothing.
        Assert.Equal(0f, lsa.Features.Transform(Texts.Of("kyyti")).Dot(lsa.Features.Transform(Texts.Of("vuoro", "liikenne"))));
    }

    [Fact]
    public void At_full_rank_with_sigma_scaling_cosines_equal_the_tfidf_cosines()
    {
        // X V Vᵀ = X when V spans the row space, so inner products of fitted texts are kept.
        var lsa = new LsaEstimator(new LsaOptions { Features = WordsOnly, Dimension = 100 }).Fit(Corpus, cancellationToken: Ct);
        Assert.True(lsa.Dimension <= Corpus.Length);
        for (var i = 0; i < Corpus.Length; i++)
        {
            for (var j = 0; j < Corpus.Length; j++)
            {
                var expected = lsa.Features.Transform(Corpus[i]).Dot(lsa.Features.Transform(Corpus[j]));
                Assert.Equal(expected, TensorPrimitives.Dot(Embed(lsa, Corpus[i]), Embed(lsa, Corpus[j])), 4);
            }
        }
    }

    [Fact]
    public void Embeddings_have_unit_length_for_every_scaling()
    {
        foreach (var weighting in Enum.GetValues<LsaWeighting>())
        {
            var lsa = new LsaEstimator(new LsaOptions { Dimension = 3, Weighting = weighting }).Fit(Corpus, cancellationToken: Ct);
            foreach (var text in Corpus) Assert.Equal(1f, TensorPrimitives.Norm(Embed(lsa, text)), 5);
        }
    }

    [Fact]
    public void An_empty_text_or_one_of_unknown_words_gives_false_and_a_zero_vector()
    {
        var lsa = new LsaEstimator(new LsaOptions { Dimension = 3 }).Fit(Corpus, cancellationToken: Ct);
        var destination = new float[lsa.Dimension];
        Array.Fill(destination, 7f);
        Assert.False(lsa.TryEmbed("", AnalyzedText.Empty, destination));
        Assert.All(destination, x => Assert.Equal(0f, x));
        Array.Fill(destination, 7f);
        Assert.False(lsa.TryEmbed("", Texts.Of("tuntematon", "sana"), destination));
        Assert.All(destination, x => Assert.Equal(0f, x));
        Assert.Throws<ArgumentException>(() => lsa.TryEmbed("", Corpus[0], new float[lsa.Dimension + 1]));
    }

    [Fact]
    public void The_same_seed_gives_the_same_model_bit_for_bit()
    {
        var options = new LsaOptions { Dimension = 4, Svd = new RandomizedSvdOptions { Seed = 77 } };
        var a = new LsaEstimator(options).Fit(Corpus, cancellationToken: Ct);
        var b = new LsaEstimator(options with { Svd = options.Svd with { MaxDegreeOfParallelism = 1 } }).Fit(Corpus, cancellationToken: Ct);
        Assert.Equal(a.SingularValues.ToArray(), b.SingularValues.ToArray());
        foreach (var text in Corpus) Assert.Equal(Embed(a, text), Embed(b, text));
    }

    [Fact]
    public void The_dimension_is_capped_by_the_corpus()
    {
        var lsa = new LsaEstimator(new LsaOptions { Features = WordsOnly, Dimension = 200 }).Fit(Corpus[..3], cancellationToken: Ct);
        Assert.Equal(3, lsa.Dimension);
        Assert.Equal("lsa", lsa.Name);
        Assert.Throws<InvalidOperationException>(() => new LsaEstimator().Fit([AnalyzedText.Empty], cancellationToken: Ct));
    }

    [Fact]
    public void Embedding_a_featurized_row_equals_embedding_the_text()
    {
        var fitted = new TfidfEstimator().FitTransform(Corpus, cancellationToken: TestContext.Current.CancellationToken);
        var lsa = new LsaEstimator(new LsaOptions { Dimension = 3 }).Fit(fitted, cancellationToken: Ct);
        var fromRow = new float[lsa.Dimension];
        Assert.True(lsa.TryEmbed(fitted.Vectors.RowIndices(2), fitted.Vectors.RowValues(2), fromRow));
        Assert.Equal(Embed(lsa, Corpus[2]), fromRow);
        Assert.Throws<ArgumentOutOfRangeException>(() => lsa.TryEmbed([fitted.Model.FeatureCount], [1f], fromRow));
    }

    internal static float[] Embed(IEmbedder embedder, AnalyzedText text)
    {
        var v = new float[embedder.Dimension];
        Assert.True(embedder.TryEmbed("", text, v));
        return v;
    }
}

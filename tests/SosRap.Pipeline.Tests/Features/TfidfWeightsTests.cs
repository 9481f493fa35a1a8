using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Tests.Features;

/// <summary>
/// Weights on a three-text corpus, checked against values computed by hand (see each test) from the
/// formulas: smooth idf = ln((1+N)/(1+df)) + 1, sublinear tf = 1 + ln(count), BM25 as in Robertson.
/// </summary>
public sealed class TfidfWeightsTests
{
    private static readonly TfidfOptions Plain = new() { CompoundParts = CompoundPartMode.None, CharNgrams = CharNgramScope.None };

    // d0 = kela päätös, d1 = kela vuokra vuokra, d2 = päätös
    private static readonly Pipeline.Text.AnalyzedText[] Corpus =
        [Texts.Of("kela", "päätös"), Texts.Of("kela", "vuokra", "vuokra"), Texts.Of("päätös")];

    [Fact]
    public void Vocabulary_orders_terms_ordinally_and_counts_document_frequencies()
    {
        var model = new TfidfEstimator(Plain).Fit(Corpus, cancellationToken: TestContext.Current.CancellationToken);
        var v = model.Vocabulary;
        Assert.Equal(3, v.Count);
        Assert.Equal(["kela", "päätös", "vuokra"], Enumerable.Range(0, 3).Select(v.Term));
        Assert.Equal([2, 2, 1], Enumerable.Range(0, 3).Select(v.DocumentFrequency));
        Assert.All(Enumerable.Range(0, 3), id => Assert.Equal(FeatureKind.Word, v.Kind(id)));
        Assert.Equal(3, v.DocumentCount);
        Assert.True(v.TryGetWord("vuokra".AsSpan(), out var id));
        Assert.Equal(2, id);
        Assert.False(v.TryGetWord("asunto", out _));
    }

    [Fact]
    public void Smooth_idf_and_sublinear_tf_match_hand_computed_values()
    {
        var model = new TfidfEstimator(Plain).Fit(Corpus, cancellationToken: TestContext.Current.CancellationToken);
        // idf(df=2) = ln(4/3) + 1 = 1.287682; idf(df=1) = ln(4/2) + 1 = 1.693147
        Assert.Equal(1.287682f, model.Idf(0), 1e-5f);
        Assert.Equal(1.693147f, model.Idf(2), 1e-5f);

        // d1: kela 1 × 1.287682; vuokra (1 + ln 2) × 1.693147 = 2.866747; divided by their norm 3.142668
        var d1 = model.Transform(Corpus[1]);
        Assert.Equal([0, 2], d1.Indices.ToArray());
        Assert.Equal(0.409742f, d1.Values[0], 1e-5f);
        Assert.Equal(0.912202f, d1.Values[1], 1e-5f);
    }

    [Fact]
    public void Without_sublinear_tf_a_repeated_term_counts_in_full()
    {
        var model = new TfidfEstimator(Plain with { SublinearTf = false }).Fit(Corpus, cancellationToken: TestContext.Current.CancellationToken);
        var d1 = model.Transform(Corpus[1]);
        // kela 1.287682, vuokra 2 × 1.693147 = 3.386294 → norm 3.622860
        Assert.Equal(0.355432f, d1.Values[0], 1e-5f);
        Assert.Equal(0.934702f, d1.Values[1], 1e-5f);
    }

    [Fact]
    public void Bm25_matches_hand_computed_values()
    {
        var model = new TfidfEstimator(Plain with { Weighting = TermWeighting.Bm25 }).Fit(Corpus, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(2.0, model.AverageDocumentLength, 10);
        // idf = ln(1 + (N − df + 0.5)/(df + 0.5)): df 2 → ln 1.6 = 0.470004, df 1 → ln(8/3) = 0.980829
        Assert.Equal(0.470004f, model.Idf(0), 1e-5f);
        Assert.Equal(0.980829f, model.Idf(2), 1e-5f);
        // d1 (length 3): K = 1.2 (0.25 + 0.75 · 3/2) = 1.65; kela 2.2/2.65 · 0.470004, vuokra 4.4/3.65 · 0.980829, normalised
        var d1 = model.Transform(Corpus[1]);
        Assert.Equal(0.313385f, d1.Values[0], 1e-5f);
        Assert.Equal(0.949626f, d1.Values[1], 1e-5f);
    }

    [Fact]
    public void Every_vector_has_unit_length_and_unknown_words_are_skipped()
    {
        var model = new TfidfEstimator(Plain).Fit(Corpus, cancellationToken: TestContext.Current.CancellationToken);
        foreach (var text in Corpus) Assert.Equal(1f, model.Transform(text).Norm(), 1e-5f);
        var mixed = model.Transform(Texts.Of("kela", "tuntematon"));
        Assert.Equal([0], mixed.Indices.ToArray());
        Assert.Equal(1f, mixed.Values[0], 6);
        Assert.True(model.Transform(Texts.Of("tuntematon")).IsEmpty);
        Assert.True(model.Transform(Pipeline.Text.AnalyzedText.Empty).IsEmpty);
    }

    [Fact]
    public void Document_frequency_bounds_and_the_feature_cap_choose_the_vocabulary()
    {
        // df: a 4, b 3, c 2, d 1 in five texts.
        Pipeline.Text.AnalyzedText[] corpus = [Texts.Of("a", "b", "c", "d"), Texts.Of("a", "b", "c"), Texts.Of("a", "b"), Texts.Of("a"), Texts.Of("e", "f")];
        string[] Terms(TfidfOptions o)
        {
            var v = new TfidfEstimator(o).Fit(corpus, cancellationToken: TestContext.Current.CancellationToken).Vocabulary;
            return [.. Enumerable.Range(0, v.Count).Select(v.Term)];
        }

        Assert.Equal(["a", "b", "c"], Terms(Plain with { MinDocumentFrequency = 2 }));
        Assert.Equal(["b", "c", "d", "e", "f"], Terms(Plain with { MaxDocumentFrequency = 0.6 })); // a is in 4/5 > 0.6
        // The cap keeps the most frequent; ties (d, e, f all df 1) go to the ordinally first.
        Assert.Equal(["a", "b", "c", "d"], Terms(Plain with { MaxFeatures = 4 }));
    }

    [Fact]
    public void The_vocabulary_does_not_depend_on_corpus_order()
    {
        var a = new TfidfEstimator().Fit(Corpus, cancellationToken: TestContext.Current.CancellationToken);
        var b = new TfidfEstimator().Fit(Corpus.Reverse(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(0, a.FeatureCount).Select(a.Vocabulary.Term), Enumerable.Range(0, b.FeatureCount).Select(b.Vocabulary.Term));
        Assert.Equal(a.Transform(Corpus[1]).Values.ToArray(), b.Transform(Corpus[1]).Values.ToArray());
    }

    [Fact]
    public void FitTransform_rows_equal_the_transform_of_each_text()
    {
        // Parts and an unknown word's n-grams too: the fit counts them by its own code path.
        Pipeline.Text.AnalyzedText[] corpus = [.. Corpus, Texts.Of(Texts.Word("vuokravakuus", "vuokra", "vakuus"), Texts.Unknown("ohjaamossa"), Texts.Word("kela"))];
        var fitted = new TfidfEstimator().FitTransform(corpus, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(corpus.Length, fitted.Vectors.RowCount);
        Assert.Equal(fitted.Model.FeatureCount, fitted.Vectors.ColumnCount);
        Assert.True(fitted.Vectors.RowIndices(3).Length > 20);
        var batch = fitted.Model.Transform(corpus, TestContext.Current.CancellationToken);
        for (var i = 0; i < corpus.Length; i++)
        {
            var single = fitted.Model.Transform(corpus[i]);
            Assert.Equal(single.Indices.ToArray(), fitted.Vectors.RowIndices(i).ToArray());
            Assert.Equal(single.Values.ToArray(), fitted.Vectors.RowValues(i).ToArray());
            Assert.Equal(single.Values.ToArray(), batch.RowValues(i).ToArray());
        }
    }

    [Fact]
    public void The_span_overload_writes_the_same_vector_and_refuses_short_buffers()
    {
        var model = new TfidfEstimator(Plain).Fit(Corpus, cancellationToken: TestContext.Current.CancellationToken);
        var ids = new int[model.GetMaxEntryCount(Corpus[1])];
        var values = new float[ids.Length];
        var n = model.Transform(Corpus[1], ids, values);
        Assert.Equal(model.Transform(Corpus[1]).Indices.ToArray(), ids[..n]);
        Assert.Throws<ArgumentException>(() => model.Transform(Corpus[1], new int[1], new float[1]));
    }

    [Fact]
    public void Invalid_options_are_refused_when_the_estimator_is_made()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TfidfEstimator(new TfidfOptions { MinDocumentFrequency = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TfidfEstimator(new TfidfOptions { MaxDocumentFrequency = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TfidfEstimator(new TfidfOptions { MinNgramLength = 4, MaxNgramLength = 3 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TfidfEstimator(new TfidfOptions { Bm25B = -0.1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TfidfEstimator(new TfidfOptions { PartWeight = 0 }));
    }
}

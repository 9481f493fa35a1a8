using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Tests.Features;

public sealed class ClassTfidfTests
{
    // class 0: a ×3, b ×1; class 1: a ×1, c ×4 → 9 occurrences, A = floor(9 / 2) = 4; f(a) = 4, f(b) = 1, f(c) = 4.
    private static readonly SparseMatrix Counts = new(2, 3, [0, 2, 4], [0, 1, 0, 2], [3f, 1f, 1f, 4f]);

    [Fact]
    public void Idf_and_weights_follow_the_bertopic_formula()
    {
        var model = ClassTfidf.Fit(Counts);
        // idf = ln(1 + A/f): a, c → ln 2 = 0.693147; b → ln 5 = 1.609438
        Assert.Equal(0.693147f, model.Idf[0], 1e-5f);
        Assert.Equal(1.609438f, model.Idf[1], 1e-5f);
        var w = model.Transform(Counts);
        // class 0: a 0.75 · ln 2 = 0.519860, b 0.25 · ln 5 = 0.402359; class 1: a 0.2 · ln 2, c 0.8 · ln 2
        Assert.Equal(0.519860f, w.RowValues(0)[0], 1e-5f);
        Assert.Equal(0.402359f, w.RowValues(0)[1], 1e-5f);
        Assert.Equal(0.138629f, w.RowValues(1)[0], 1e-5f);
        Assert.Equal(0.554518f, w.RowValues(1)[1], 1e-5f);
        Assert.Equal([0, 1], ClassTfidf.TopTerms(w, 0, 5).Select(t => t.Term));
        Assert.Equal(2, ClassTfidf.TopTerms(w, 1, 1)[0].Term);
    }

    [Fact]
    public void Bm25_idf_and_frequent_word_damping()
    {
        var model = ClassTfidf.Fit(Counts, bm25Weighting: true, reduceFrequentWords: true);
        // ln(1 + (A − f + 0.5)/(f + 0.5)): a → ln(1 + 0.5/4.5) = 0.105361, b → ln(1 + 3.5/1.5) = 1.203973
        Assert.Equal(0.105361f, model.Idf[0], 1e-5f);
        Assert.Equal(1.203973f, model.Idf[1], 1e-5f);
        var w = model.Transform(Counts);
        Assert.Equal(MathF.Sqrt(0.75f) * 0.105361f, w.RowValues(0)[0], 1e-5f);
    }

    [Fact]
    public void Counting_sums_the_lemmas_of_each_class_and_skips_outliers()
    {
        Pipeline.Text.AnalyzedText[] texts =
        [
            Texts.Of("vuokra", "vakuus"),
            Texts.Of("vuokra"),
            Texts.Of(Texts.Word("bussivuoro", "bussi", "vuoro")),
            Texts.Of("melu"),
        ];
        var counts = ClassTfidf.CountTerms(texts, [0, 0, 1, -1], 2, includeCompoundParts: true);
        Assert.Equal(["bussi", "bussivuoro", "vakuus", "vuokra", "vuoro"], counts.Terms);
        Assert.Equal([2, 3], counts.Counts.RowIndices(0).ToArray());
        Assert.Equal([1f, 2f], counts.Counts.RowValues(0).ToArray());
        Assert.Equal([0, 1, 4], counts.Counts.RowIndices(1).ToArray());
        var weights = ClassTfidf.Fit(counts.Counts).Transform(counts.Counts);
        Assert.Equal("vuokra", counts.Terms[ClassTfidf.TopTerms(weights, 0, 1)[0].Term]);
    }
}

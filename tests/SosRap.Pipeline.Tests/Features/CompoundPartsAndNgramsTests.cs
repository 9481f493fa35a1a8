using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Tests.Features;

public sealed class CompoundPartsAndNgramsTests
{
    // d0 = vuokravakuus (parts vuokra, vakuus), d1 = vakuus kela
    private static readonly Pipeline.Text.AnalyzedText[] Corpus =
        [Texts.Of(Texts.Word("vuokravakuus", "vuokra", "vakuus")), Texts.Of("vakuus", "kela")];

    [Fact]
    public void Shared_parts_add_their_weight_to_the_lemma_of_the_same_spelling()
    {
        var model = new TfidfEstimator(new TfidfOptions { CompoundParts = CompoundPartMode.Shared, PartWeight = 0.5f, CharNgrams = CharNgramScope.None })
            .Fit(Corpus, cancellationToken: TestContext.Current.CancellationToken);
        var v = model.Vocabulary;
        Assert.Equal(["kela", "vakuus", "vuokra", "vuokravakuus"], Enumerable.Range(0, v.Count).Select(v.Term));
        Assert.Equal(2, v.DocumentFrequency(1)); // vakuus: a part of d0 and a word of d1

        // d0: vuokravakuus 1 × 1.405465, vuokra 0.5 × 1.405465, vakuus 0.5 × 1 (df 2 → idf 1), normalised (hand-computed).
        var d0 = model.Transform(Corpus[0]);
        Assert.Equal([1, 2, 3], d0.Indices.ToArray());
        Assert.Equal(0.303216f, d0.Values[0], 1e-5f);
        Assert.Equal(0.426160f, d0.Values[1], 1e-5f);
        Assert.Equal(0.852319f, d0.Values[2], 1e-5f);

        // So a compound and its part now meet: cosine > 0 although no lemma is shared.
        Assert.True(d0.Dot(model.Transform(Texts.Of("vakuus"))) > 0.2f);
    }

    [Fact]
    public void Separate_parts_are_features_of_their_own_kind()
    {
        var model = new TfidfEstimator(new TfidfOptions { CompoundParts = CompoundPartMode.Separate, PartWeight = 0.5f, CharNgrams = CharNgramScope.None })
            .Fit(Corpus, cancellationToken: TestContext.Current.CancellationToken);
        var v = model.Vocabulary;
        Assert.Equal(["kela", "vakuus", "vuokravakuus", "vakuus", "vuokra"], Enumerable.Range(0, v.Count).Select(v.Term));
        Assert.Equal([FeatureKind.Word, FeatureKind.Word, FeatureKind.Word, FeatureKind.Part, FeatureKind.Part], Enumerable.Range(0, v.Count).Select(v.Kind));
        Assert.True(v.TryGetPart("vakuus", out var part));
        Assert.True(v.TryGetWord("vakuus", out var word));
        Assert.NotEqual(part, word);

        // Every feature has df 1 (idf 1.405465), so d0 = (1, 0.5, 0.5) / √1.5.
        var d0 = model.Transform(Corpus[0]);
        Assert.Equal([2, 3, 4], d0.Indices.ToArray());
        Assert.Equal(0.816497f, d0.Values[0], 1e-5f);
        Assert.Equal(0.408248f, d0.Values[1], 1e-5f);
        Assert.Equal(0.408248f, d0.Values[2], 1e-5f);
        Assert.Equal(0f, d0.Dot(model.Transform(Texts.Of("vakuus"))));
    }

    [Fact]
    public void Without_parts_only_whole_lemmas_count()
    {
        var model = new TfidfEstimator(new TfidfOptions { CompoundParts = CompoundPartMode.None, CharNgrams = CharNgramScope.None }).Fit(Corpus, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(3, model.FeatureCount);
        Assert.Equal([2], model.Transform(Corpus[0]).Indices.ToArray());
    }

    [Fact]
    public void Ngram_hash_is_fnv1a_and_stable()
    {
        // Published FNV-1a 32-bit test vector: "a" → 0xe40c292c; "<ab" computed independently with Python.
        Assert.Equal(0xe40c292cu, CharNgrams.HashText("a"));
        Assert.Equal(0x489c66e4u, CharNgrams.HashText("<ab"));

        // "ab" padded "<ab>": 3-grams "<ab", "ab>", 4-gram "<ab>"; no 5-gram.
        Assert.Equal(3, CharNgrams.Count(2, 3, 5));
        var hashes = new uint[3];
        Assert.Equal(3, CharNgrams.Hash("ab", 3, 5, hashes));
        Assert.Equal([CharNgrams.HashText("<ab"), CharNgrams.HashText("ab>"), CharNgrams.HashText("<ab>")], hashes);
    }

    [Fact]
    public void Unknown_words_get_ngram_buckets_named_by_an_ngram_that_hashes_there()
    {
        var options = new TfidfOptions { CharNgrams = CharNgramScope.FallbackWords, NgramHashBits = 16 };
        var model = new TfidfEstimator(options).Fit([Texts.Of(Texts.Unknown("ohjaamo"), Texts.Word("nuori")), Texts.Of("nuori", "koulu")], cancellationToken: TestContext.Current.CancellationToken);
        var v = model.Vocabulary;
        var grams = Enumerable.Range(0, v.Count).Where(id => v.Kind(id) == FeatureKind.CharNgram).ToList();
        // "<ohjaamo>" has 7 3-grams, 6 4-grams and 5 5-grams; none of the dictionary words gives any.
        Assert.InRange(grams.Count, 17, 18);
        Assert.All(grams, id => Assert.Equal((int)(CharNgrams.HashText(v.Term(id)) & 0xFFFF), v.Bucket(id)));
        Assert.Contains(grams, id => v.Term(id) == "<oh");
        Assert.Contains(grams, id => v.Term(id) == "amo>");
    }

    [Fact]
    public void Inflected_or_misspelt_forms_of_an_unknown_name_still_match_through_ngrams()
    {
        Pipeline.Text.AnalyzedText[] corpus =
        [
            Texts.Of(Texts.Unknown("nuorisoasemalle"), Texts.Word("jono")),
            Texts.Of("asunto", "vuokra"),
            Texts.Of("bussi", "vuoro"),
        ];
        var withGrams = new TfidfEstimator(new TfidfOptions { CharNgrams = CharNgramScope.FallbackWords }).Fit(corpus, cancellationToken: TestContext.Current.CancellationToken);
        var withoutGrams = new TfidfEstimator(new TfidfOptions { CharNgrams = CharNgramScope.None }).Fit(corpus, cancellationToken: TestContext.Current.CancellationToken);
        var query = Texts.Of(Texts.Unknown("nuorisoasemala"));
        Assert.True(withGrams.Transform(query).Dot(withGrams.Transform(corpus[0])) > 0.2f);
        Assert.True(withoutGrams.Transform(query).IsEmpty);
        // A dictionary word gives no n-grams with the default scope.
        Assert.Equal(1, withGrams.Transform(Texts.Of("asunto")).Count);
    }

    [Fact]
    public void Shared_terms_name_the_words_behind_a_similarity_without_ngram_buckets()
    {
        Pipeline.Text.AnalyzedText[] corpus =
        [
            Texts.Of(Texts.Word("vuokravakuus", "vuokra", "vakuus"), Texts.Word("kela"), Texts.Unknown("ohjaamo")),
            Texts.Of(Texts.Word("vakuus"), Texts.Word("kela"), Texts.Unknown("ohjaamo"), Texts.Word("bussi")),
            Texts.Of("kela", "bussi"),
        ];
        var model = new TfidfEstimator().Fit(corpus, cancellationToken: TestContext.Current.CancellationToken);
        var a = model.Transform(corpus[0]);
        var b = model.Transform(corpus[1]);
        var shared = model.SharedTerms(a, b, 10);
        // vakuus (a part of a, a word of b), kela and the unknown word itself; none of the n-gram buckets.
        Assert.Equal(["kela", "ohjaamo", "vakuus"], shared.Select(s => s.Term).Order(StringComparer.Ordinal));
        Assert.True(shared.Sum(s => s.Contribution) < a.Dot(b));
        Assert.Equal(shared.OrderByDescending(s => s.Contribution).Select(s => s.Term), shared.Select(s => s.Term));
        Assert.Single(model.SharedTerms(a, b, 1));
    }
}

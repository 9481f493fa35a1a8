using SosRap.Pipeline.Embeddings.Encoder;
using static SosRap.Pipeline.Tests.Embeddings.EncoderTestData;

namespace SosRap.Pipeline.Tests.Embeddings;

public sealed class EncoderFeaturesTests
{
    [Fact]
    public void Ngram_hash_is_fnv1a_32_over_the_utf16le_bytes()
    {
        // Expected values from an independent implementation: Python, FNV-1a over s.encode("utf-16le").
        Assert.Equal(0x811c9dc5u, EncoderFeatures.Hash(""));
        Assert.Equal(0x2b24d044u, EncoderFeatures.Hash("a"));
        Assert.Equal(0x2398ee1cu, EncoderFeatures.Hash("<ta"));
        Assert.Equal(0xc3af8d0fu, EncoderFeatures.Hash("ä>"));
    }

    [Fact]
    public void The_vocabulary_keeps_words_in_at_least_min_count_texts_most_frequent_first()
    {
        var corpus = new[] { Words("vuokra", "asunto"), Words("asunto", "kela"), Words("asunto", "vuokra", "vuokra") };
        var features = EncoderFeatures.Build(corpus, new EncoderFeatureOptions { MinNgram = 0, MinCount = 2 });
        Assert.Equal(["asunto", "vuokra"], features.Vocabulary);
        Assert.Equal(-1, features.RowOf("kela"));
    }

    [Fact]
    public void Idf_weights_are_smoothed_log_ratios_with_the_out_of_vocabulary_weight_for_df_zero()
    {
        var corpus = new[] { Words("vuokra", "asunto"), Words("asunto", "kela"), Words("asunto", "vuokra") };
        var features = EncoderFeatures.Build(corpus, new EncoderFeatureOptions { MinNgram = 0, MinCount = 1 });
        // N = 3: asunto df 3 → ln(4/4) + 1; vuokra df 2 → ln(4/3) + 1; kela df 1 → ln(4/2) + 1; unseen → ln(4) + 1.
        Assert.Equal(1f, features.TermWeight("asunto"), 6);
        Assert.Equal((float)(Math.Log(4.0 / 3) + 1), features.TermWeight("vuokra"), 6);
        Assert.Equal((float)(Math.Log(2.0) + 1), features.TermWeight("kela"), 6);
        Assert.Equal((float)(Math.Log(4.0) + 1), features.TermWeight("uusi"), 6);
    }

    [Fact]
    public void Compound_parts_are_counted_as_words_and_get_rows()
    {
        var corpus = new[] { Terms(Term("toimeentulotuki", "toimeentulo", "tuki")), Terms(Term("asumistuki", "asuminen", "tuki")) };
        var features = EncoderFeatures.Build(corpus, new EncoderFeatureOptions { MinNgram = 0, MinCount = 2 });
        Assert.Equal(["tuki"], features.Vocabulary);

        var noParts = EncoderFeatures.Build(corpus, new EncoderFeatureOptions { MinNgram = 0, MinCount = 1, CompoundParts = false });
        Assert.Equal(-1, noParts.RowOf("tuki"));
    }

    [Fact]
    public void Each_known_group_of_a_term_weighs_the_same()
    {
        // Lemma + two parts known, no n-grams: three groups of 1/3.
        var features = PlainFeatures("toimeentulotuki", "toimeentulo", "tuki");
        var rows = new int[8];
        var weights = new float[8];
        var n = features.Featurize(Terms(Term("toimeentulotuki", "toimeentulo", "tuki")).Terms, default, rows, weights);
        Assert.Equal(3, n);
        Assert.Equal([0, 1, 2], rows[..3]);
        Assert.All(weights[..3], w => Assert.Equal(1f / 3, w, 6));
    }

    [Fact]
    public void Ngrams_share_one_group_and_only_buckets_seen_in_training_count()
    {
        var options = new EncoderFeatureOptions { MinNgram = 3, MaxNgram = 3, Buckets = 1 << 20, MinCount = 1, TermWeighting = EncoderTermWeighting.Uniform };
        var features = EncoderFeatures.Build([Words("vuokra")], options);
        var rows = new int[64];
        var weights = new float[64];

        // "<vuokra>" has 6 trigrams: the lemma row weighs 1/2, each trigram 1/12.
        var n = features.Featurize(Words("vuokra").Terms, default, rows, weights);
        Assert.Equal(7, n);
        Assert.Equal(0, rows[0]);
        Assert.Equal(0.5f, weights[0], 6);
        Assert.All(weights[1..7], w => Assert.Equal(1f / 12, w, 6));
        Assert.All(rows[1..7], r => Assert.True(r >= features.Vocabulary.Count));

        // A typo shares trigrams ("<vu", "vuo", "uok") with the known word: only those count.
        n = features.Featurize(Words("vuokar").Terms, default, rows, weights);
        Assert.Equal(3, n);
        Assert.All(weights[..3], w => Assert.Equal(1f / 3, w, 6));

        // Nothing in common: no rows at all.
        Assert.Equal(0, features.Featurize(Words("qxz").Terms, default, rows, weights));
    }

    [Fact]
    public void The_ngram_weight_scales_the_ngram_group_and_zero_keeps_ngrams_for_unknown_words_only()
    {
        var corpus = new[] { Words("vuokra") };
        var rows = new int[64];
        var weights = new float[64];
        var quarter = EncoderFeatures.Build(corpus, new EncoderFeatureOptions { MinNgram = 3, MaxNgram = 3, Buckets = 1 << 20, MinCount = 1, NgramWeight = 0.25f });
        var n = quarter.Featurize(Words("vuokra").Terms, default, rows, weights);
        Assert.Equal(7, n);
        Assert.Equal(1 / 1.25f, weights[0], 6); // lemma 1, six trigrams sharing 0.25
        Assert.All(weights[1..7], w => Assert.Equal(0.25f / 6 / 1.25f, w, 6));

        var backOff = EncoderFeatures.Build(corpus, new EncoderFeatureOptions { MinNgram = 3, MaxNgram = 3, Buckets = 1 << 20, MinCount = 1, NgramWeight = 0 });
        Assert.Equal(1, backOff.Featurize(Words("vuokra").Terms, default, rows, weights));
        Assert.Equal(1f, weights[0]);
        // An unknown word still rests on its known trigrams.
        Assert.Equal(3, backOff.Featurize(Words("vuokar").Terms, default, rows, weights));
        Assert.All(weights[..3], w => Assert.Equal(1f / 3, w, 6));
    }

    [Fact]
    public void Mean_pooled_weights_sum_to_one_and_idf_favours_rare_terms()
    {
        var corpus = new[] { Words("asunto", "vuokra"), Words("asunto", "kela"), Words("asunto", "vuokra", "häätö") };
        var features = EncoderFeatures.Build(corpus, new EncoderFeatureOptions { MinNgram = 3, MaxNgram = 5, MinCount = 1 });
        var text = Words("asunto", "häätö", "vuokra", "asunto");
        var rows = new int[features.MaxFeatureCount(text.Terms)];
        var weights = new float[rows.Length];
        var n = features.Featurize(text.Terms, default, rows, weights);
        Assert.Equal(1f, weights[..n].Sum(), 5);

        var lemmaWeight = new Dictionary<int, float>();
        for (var i = 0; i < n; i++)
        {
            if (rows[i] < features.Vocabulary.Count) lemmaWeight[rows[i]] = lemmaWeight.GetValueOrDefault(rows[i]) + weights[i];
        }

        // asunto is in every text (idf 1) but occurs twice; häätö (df 1) once with idf ln 2 + 1.
        var asunto = lemmaWeight[features.RowOf("asunto")];
        var haato = lemmaWeight[features.RowOf("häätö")];
        Assert.Equal(2 * 1f / (float)(Math.Log(2) + 1), asunto / haato, 4);
    }

    [Fact]
    public void Sqrt_n_pooling_divides_by_the_root_of_the_summed_squared_weights()
    {
        var features = new EncoderFeatures(new EncoderFeatureOptions { MinNgram = 0, Pooling = EncoderPooling.SqrtN, TermWeighting = EncoderTermWeighting.Idf },
            ["a1", "b2"], [3f, 4f], 1f, []);
        var rows = new int[4];
        var weights = new float[4];
        var n = features.Featurize(Words("a1", "b2").Terms, default, rows, weights);
        Assert.Equal(2, n);
        Assert.Equal(3f / 5, weights[0], 6);
        Assert.Equal(4f / 5, weights[1], 6);
    }

    [Fact]
    public void A_keep_mask_leaves_terms_out()
    {
        var features = PlainFeatures("asunto", "vuokra");
        var rows = new int[4];
        var weights = new float[4];
        var n = features.Featurize(Words("asunto", "vuokra").Terms, [false, true], rows, weights);
        Assert.Equal(1, n);
        Assert.Equal(1, rows[0]);
        Assert.Equal(1f, weights[0]);
        Assert.Throws<ArgumentException>(() => features.Featurize(Words("asunto").Terms, [true, true], rows, weights));
    }

    [Fact]
    public void Invalid_options_and_inconsistent_parts_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EncoderFeatureOptions { MinNgram = 4, MaxNgram = 3 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new EncoderFeatureOptions { Buckets = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new EncoderFeatureOptions { MinCount = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new EncoderFeatures(new EncoderFeatureOptions { MinNgram = 0 }, ["a", "a"], [1f, 1f], 1f, []));
        Assert.Throws<ArgumentException>(() => new EncoderFeatures(new EncoderFeatureOptions { MinNgram = 0 }, ["a"], [1f, 1f], 1f, []));
        Assert.Throws<ArgumentException>(() => new EncoderFeatures(new EncoderFeatureOptions { Buckets = 4 }, ["a"], [1f], 1f, [1, 0]));
    }
}

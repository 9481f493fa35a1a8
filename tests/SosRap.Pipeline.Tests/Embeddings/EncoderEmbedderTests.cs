using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Embeddings.Encoder;
using SosRap.Pipeline.Text;
using static SosRap.Pipeline.Tests.Embeddings.EncoderTestData;

namespace SosRap.Pipeline.Tests.Embeddings;

public sealed class EncoderEmbedderTests
{
    [Fact]
    public void Without_a_projection_the_embedding_is_the_normalised_mean_of_the_rows()
    {
        var features = PlainFeatures("asunto", "vuokra");
        var model = new EncoderModel(features, 3, [1, 0, 0, 0, 2, 0], null, null, 3, EncoderActivation.None, [], null, null);
        var embedder = new EncoderEmbedder(model);
        var z = new float[3];

        Assert.True(embedder.TryEmbed("asunto vuokra", Words("asunto", "vuokra"), z));

        // mean = (0.5, 1, 0), |mean| = √1.25
        var norm = Math.Sqrt(1.25);
        Assert.Equal(0.5 / norm, z[0], 6);
        Assert.Equal(1 / norm, z[1], 6);
        Assert.Equal(0, z[2], 6);
    }

    [Fact]
    public void The_projection_bias_and_tanh_come_before_normalisation()
    {
        var features = PlainFeatures("asunto", "vuokra");
        var model = new EncoderModel(features, 3, [1, 0, 0, 0, 2, 0], [1, 1, 0, 0, 0, 1], [0f, 0.5f], 2, EncoderActivation.Tanh, [], null, null);
        var z = new float[2];

        Assert.True(new EncoderEmbedder(model).TryEmbed("", Words("asunto", "vuokra", "tuntematon"), z));

        // pooled (0.5, 1, 0) → P·x + b = (1.5, 0.5) → tanh → normalise; the unknown word adds nothing.
        double a = Math.Tanh(1.5), b = Math.Tanh(0.5), n = Math.Sqrt(a * a + b * b);
        Assert.Equal(a / n, z[0], 6);
        Assert.Equal(b / n, z[1], 6);
    }

    [Fact]
    public void Idf_and_sqrt_n_weights_enter_the_sum()
    {
        var features = new EncoderFeatures(new EncoderFeatureOptions { MinNgram = 0, Pooling = EncoderPooling.SqrtN }, ["a1", "b2"], [3f, 4f], 1f, []);
        var model = new EncoderModel(features, 2, [1, 0, 0, 1], null, null, 2, EncoderActivation.None, [], null, null);
        var z = new float[2];
        Assert.True(new EncoderEmbedder(model).TryEmbed("", Words("a1", "b2"), z));
        Assert.Equal(0.6f, z[0], 6);
        Assert.Equal(0.8f, z[1], 6);
    }

    [Fact]
    public void Empty_text_or_only_unknown_words_give_false_and_a_zero_vector()
    {
        var embedder = new EncoderEmbedder(FullModel());
        var z = new float[embedder.Dimension];
        Array.Fill(z, 9f);
        Assert.False(embedder.TryEmbed("", AnalyzedText.Empty, z));
        Assert.All(z, x => Assert.Equal(0f, x));

        var plain = new EncoderEmbedder(new EncoderModel(PlainFeatures("asunto"), 2, [1, 1], null, null, 2, EncoderActivation.None, [], null, null));
        var y = new float[] { 9f, 9f };
        Assert.False(plain.TryEmbed("kissa", Words("kissa"), y));
        Assert.All(y, x => Assert.Equal(0f, x));
    }

    [Fact]
    public void Embeddings_are_unit_length_and_name_and_dimension_follow_the_model()
    {
        var embedder = new EncoderEmbedder(FullModel());
        Assert.Equal("encoder", embedder.Name);
        Assert.Equal(3, embedder.Dimension);
        var z = new float[3];
        Assert.True(embedder.TryEmbed("", Terms(Term("asunto"), Term("asumistuki", "asuminen", "tuki")), z));
        Assert.Equal(1.0, Math.Sqrt(z.Sum(x => (double)x * x)), 5);
    }

    [Fact]
    public void A_destination_of_the_wrong_length_is_rejected()
    {
        var embedder = new EncoderEmbedder(FullModel());
        Assert.Throws<ArgumentException>(() => embedder.TryEmbed("", Words("asunto"), new float[4]));
    }

    [Fact]
    public void Inconsistent_model_shapes_are_rejected()
    {
        var features = PlainFeatures("asunto", "vuokra");
        Assert.Throws<ArgumentException>(() => new EncoderModel(features, 3, new float[5], null, null, 3, EncoderActivation.None, [], null, null));
        Assert.Throws<ArgumentException>(() => new EncoderModel(features, 3, new float[6], null, null, 2, EncoderActivation.None, [], null, null));
        Assert.Throws<ArgumentException>(() => new EncoderModel(features, 3, new float[6], new float[5], null, 2, EncoderActivation.None, [], null, null));
        Assert.Throws<ArgumentException>(() => new EncoderModel(features, 3, new float[6], null, null, 3, EncoderActivation.None, ["a"], null, null));
    }
}

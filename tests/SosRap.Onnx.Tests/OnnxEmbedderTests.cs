using SosRap.Pipeline;
using SosRap.Pipeline.Text;

namespace SosRap.Onnx.Tests;

/// <summary>OnnxEmbedder on tiny models the tests write themselves, with a WordPiece vocabulary.</summary>
public sealed class OnnxEmbedderTests : IDisposable
{
    // Row i is the vector of token id i: [PAD] [UNK] [CLS] [SEP] asunto vuokra ##t [MASK]
    private static readonly float[,] Table =
    {
        { 0, 0, 0 }, { 1, 1, 1 }, { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 2 }, { 2, 0, 0 }, { 0, 3, 0 }, { 5, 5, 5 },
    };

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sosrap-onnx-" + Guid.NewGuid().ToString("N"));

    public OnnxEmbedderTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllLines(Path.Combine(_dir, "vocab.txt"), ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "asunto", "vuokra", "##t", "[MASK]"]);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void Token_vectors_are_mean_pooled_and_normalised()
    {
        using var embedder = OnnxEmbedder.Load(Model(OnnxModelWriter.TokenTable(Table)));
        Assert.Equal("onnx", embedder.Name);
        Assert.Equal(3, embedder.Dimension);

        // [CLS] asunto vuokra [SEP] = rows 2, 4, 5, 3 → mean (0.75, 0.25, 0.5), |mean|² = 0.875
        Assert.Equal([2, 4, 5, 3], embedder.Tokenize("Asunto vuokra"));
        var z = new float[3];
        Assert.True(embedder.TryEmbed("Asunto vuokra", AnalyzedText.Empty, z));
        var norm = Math.Sqrt(0.875);
        Assert.Equal(0.75 / norm, z[0], 5);
        Assert.Equal(0.25 / norm, z[1], 5);
        Assert.Equal(0.5 / norm, z[2], 5);
    }

    [Fact]
    public void Words_split_into_word_pieces()
    {
        using var embedder = OnnxEmbedder.Load(Model(OnnxModelWriter.TokenTable(Table)));
        Assert.Equal([2, 5, 6, 3], embedder.Tokenize("vuokrat"));
        Assert.Equal([2, 1, 3], embedder.Tokenize("kissa"));
    }

    [Fact]
    public void A_pooled_sentence_embedding_output_is_used_as_it_is()
    {
        using var embedder = OnnxEmbedder.Load(Model(OnnxModelWriter.TokenTable(Table, pooled: true)));
        var z = new float[3];
        Assert.True(embedder.TryEmbed("asunto vuokra", AnalyzedText.Empty, z));
        var norm = Math.Sqrt(0.875);
        Assert.Equal([0.75 / norm, 0.25 / norm, 0.5 / norm], z.Select(x => (double)x), new RoundedComparer());
    }

    [Fact]
    public void Long_texts_are_cut_to_max_tokens_with_the_special_tokens_kept()
    {
        using var embedder = OnnxEmbedder.Load(Model(OnnxModelWriter.TokenTable(Table)), new OnnxEmbedderOptions { MaxTokens = 4 });
        var ids = embedder.Tokenize("asunto vuokra asunto vuokra asunto");
        Assert.Equal(4, ids.Count);
        Assert.Equal(2, ids[0]);
        Assert.Equal(3, ids[^1]);
    }

    [Fact]
    public void Empty_text_gives_false_and_zeros()
    {
        using var embedder = OnnxEmbedder.Load(Model(OnnxModelWriter.TokenTable(Table)));
        var z = new float[] { 5, 5, 5 };
        Assert.False(embedder.TryEmbed("", AnalyzedText.Empty, z));
        Assert.Equal([0f, 0f, 0f], z);
        Assert.False(embedder.TryEmbed("  \n ", AnalyzedText.Empty, z));
    }

    [Fact]
    public void Missing_vocabulary_and_unknown_inputs_are_clear_errors()
    {
        var model = Model(OnnxModelWriter.TokenTable(Table, extraInput: "position_ids"));
        var e = Assert.Throws<InputException>(() => OnnxEmbedder.Load(model));
        Assert.Contains("position_ids", e.Message, StringComparison.Ordinal);

        File.WriteAllLines(Path.Combine(_dir, "vocab.txt"), ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]);
        e = Assert.Throws<InputException>(() => OnnxEmbedder.Load(Model(OnnxModelWriter.TokenTable(Table))));
        Assert.Contains("[MASK]", e.Message, StringComparison.Ordinal);

        File.Delete(Path.Combine(_dir, "vocab.txt"));
        e = Assert.Throws<InputException>(() => OnnxEmbedder.Load(Model(OnnxModelWriter.TokenTable(Table))));
        Assert.Contains("vocab.txt", e.Message, StringComparison.Ordinal);
        Assert.Throws<InputException>(() => OnnxEmbedder.Load(Path.Combine(_dir, "puuttuu.onnx")));
    }

    [Fact]
    public void A_file_that_is_not_onnx_is_refused()
    {
        var path = Path.Combine(_dir, "model.onnx");
        File.WriteAllText(path, "not a model");
        var e = Assert.Throws<InputException>(() => OnnxEmbedder.Load(path));
        Assert.Contains("ONNX-mallia ei voi ladata", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Masked_mean_pooling_skips_padding()
    {
        float[] tokens = [1, 2, 3, 4, 100, 100];
        var z = new float[2];
        OnnxEmbedder.MaskedMean(tokens, [1, 1, 0], 2, z);
        Assert.Equal([2f, 3f], z);
    }

    private string Model(byte[] bytes)
    {
        var path = Path.Combine(_dir, "model.onnx");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private sealed class RoundedComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-5;

        public int GetHashCode(double obj) => 0;
    }
}

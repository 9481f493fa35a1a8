using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Features;
using SosRap.Pipeline.Tests.IO;

namespace SosRap.Pipeline.Tests.Features;

public sealed class ModelFileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Pipeline.Text.AnalyzedText[] Corpus =
    [
        Texts.Of(Texts.Word("vuokravakuus", "vuokra", "vakuus"), Texts.Unknown("ohjaamo"), Texts.Word("kela")),
        Texts.Of("vakuus", "kela", "päätös"),
        Texts.Of(Texts.Word("toimeentulotuki", "toimeentulo", "tuki"), Texts.Word("päätös")),
        Texts.Of("bussi", "vuoro", "kela"),
    ];

    [Fact]
    public async Task A_saved_tfidf_model_loads_back_with_the_same_vocabulary_and_vectors()
    {
        using var dir = new TempDir();
        var model = new TfidfEstimator(new TfidfOptions { Weighting = TermWeighting.Bm25, NgramHashBits = 12 }).Fit(Corpus, cancellationToken: TestContext.Current.CancellationToken);
        var path = dir.File("m.tfidf");
        await model.SaveAsync(path, Ct);
        var loaded = TfidfModel.Load(path);
        Assert.Equal(model.Options, loaded.Options);
        Assert.Equal(model.FeatureCount, loaded.FeatureCount);
        for (var id = 0; id < model.FeatureCount; id++)
        {
            Assert.Equal(model.Vocabulary.Term(id), loaded.Vocabulary.Term(id));
            Assert.Equal(model.Vocabulary.Kind(id), loaded.Vocabulary.Kind(id));
            Assert.Equal(model.Vocabulary.DocumentFrequency(id), loaded.Vocabulary.DocumentFrequency(id));
        }

        foreach (var text in Corpus)
        {
            Assert.Equal(model.Transform(text).Indices.ToArray(), loaded.Transform(text).Indices.ToArray());
            Assert.Equal(model.Transform(text).Values.ToArray(), loaded.Transform(text).Values.ToArray());
        }

        Assert.Empty(Directory.GetFiles(dir.Path, ".*tmp*"));
    }

    [Fact]
    public async Task A_saved_lsa_model_embeds_the_same_after_loading()
    {
        using var dir = new TempDir();
        var lsa = new LsaEstimator(new LsaOptions { Dimension = 3, Weighting = LsaWeighting.SqrtSigma }).Fit(Corpus, cancellationToken: Ct);
        var path = dir.File("m.lsa");
        await lsa.SaveAsync(path, Ct);
        var loaded = LsaEmbedder.Load(path);
        Assert.Equal(lsa.Dimension, loaded.Dimension);
        Assert.Equal(lsa.Weighting, loaded.Weighting);
        Assert.Equal(lsa.SingularValues.ToArray(), loaded.SingularValues.ToArray());
        var a = new float[lsa.Dimension];
        var b = new float[lsa.Dimension];
        foreach (var text in Corpus)
        {
            Assert.True(lsa.TryEmbed("", text, a));
            Assert.True(loaded.TryEmbed("", text, b));
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public async Task Another_format_version_is_refused_with_a_clear_message()
    {
        using var dir = new TempDir();
        var path = dir.File("m.tfidf");
        await new TfidfEstimator().Fit(Corpus, cancellationToken: TestContext.Current.CancellationToken).SaveAsync(path, Ct);
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        bytes[8] = 2; // the little-endian version field follows the 8-byte magic
        await File.WriteAllBytesAsync(path, bytes, Ct);
        var e = Assert.Throws<InputException>(() => TfidfModel.Load(path));
        Assert.Contains("muotoversio on 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("lukee version 1", e.Message, StringComparison.Ordinal);
        Assert.Equal(path, e.Source);
    }

    [Fact]
    public async Task A_truncated_file_is_refused_with_a_clear_message()
    {
        using var dir = new TempDir();
        var path = dir.File("m.lsa");
        await new LsaEstimator(new LsaOptions { Dimension = 2 }).Fit(Corpus, cancellationToken: Ct).SaveAsync(path, Ct);
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        foreach (var length in new[] { bytes.Length - 1, bytes.Length / 2, 15, 3, 0 })
        {
            await File.WriteAllBytesAsync(path, bytes[..length], Ct);
            var e = Assert.Throws<InputException>(() => LsaEmbedder.Load(path));
            Assert.Contains("katkennut", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_flipped_byte_fails_the_checksum()
    {
        using var dir = new TempDir();
        var path = dir.File("m.tfidf");
        await new TfidfEstimator().Fit(Corpus, cancellationToken: TestContext.Current.CancellationToken).SaveAsync(path, Ct);
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        // A byte inside a term's text: the payload still parses, only the checksum can tell.
        var at = Array.IndexOf(bytes, (byte)'b', 20);
        bytes[at] = (byte)'p';
        await File.WriteAllBytesAsync(path, bytes, Ct);
        var e = Assert.Throws<InputException>(() => TfidfModel.Load(path));
        Assert.Contains("vioittunut", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_of_another_kind_is_named_as_such()
    {
        using var dir = new TempDir();
        var path = dir.File("m.tfidf");
        await new TfidfEstimator().Fit(Corpus, cancellationToken: TestContext.Current.CancellationToken).SaveAsync(path, Ct);
        var e = Assert.Throws<InputException>(() => LsaEmbedder.Load(path));
        Assert.Contains("ei ole SosRapin LSA-mallitiedosto", e.Message, StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, "{\"not\": \"a model\"}", Ct);
        Assert.Throws<InputException>(() => TfidfModel.Load(path));
    }
}

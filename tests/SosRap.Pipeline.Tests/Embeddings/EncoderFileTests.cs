using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using SosRap.Pipeline.Embeddings.Encoder;
using SosRap.Pipeline.Tests.IO;
using static SosRap.Pipeline.Tests.Embeddings.EncoderTestData;

namespace SosRap.Pipeline.Tests.Embeddings;

public sealed class EncoderFileTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_saved_model_loads_back_identical()
    {
        var model = FullModel();
        var path = Path.Combine(_dir.Path, "encoder.bin");
        await EncoderFile.SaveAsync(model, path, Ct);
        var back = await EncoderFile.LoadAsync(path, Ct);

        Assert.Equal(model.Features.Options, back.Features.Options);
        Assert.Equal(model.Features.Vocabulary, back.Features.Vocabulary);
        Assert.Equal(model.Features.TermWeights.ToArray(), back.Features.TermWeights.ToArray());
        Assert.Equal(model.Features.OutOfVocabularyWeight, back.Features.OutOfVocabularyWeight);
        Assert.Equal(model.Features.KnownBuckets.ToArray(), back.Features.KnownBuckets.ToArray());
        Assert.Equal(model.Embedding, back.Embedding);
        Assert.Equal(model.ProjectionWeight, back.ProjectionWeight);
        Assert.Equal(model.ProjectionBias, back.ProjectionBias);
        Assert.Equal(model.ClassifierWeight, back.ClassifierWeight);
        Assert.Equal(model.ClassifierBias, back.ClassifierBias);
        Assert.Equal(model.Categories, back.Categories);
        Assert.Equal((model.Dimension, model.EmbeddingDimension, model.Activation), (back.Dimension, back.EmbeddingDimension, back.Activation));
        Assert.Equal("ä", JsonDocument.Parse(back.TrainingInfoJson!).RootElement.GetProperty("note").GetString());
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_layout_is_magic_version_header_length_json_then_aligned_data()
    {
        var path = Path.Combine(_dir.Path, EncoderFile.FileName);
        await EncoderFile.SaveAsync(FullModel(), path, Ct);
        var bytes = await File.ReadAllBytesAsync(path, Ct);

        Assert.Equal("SOSRAPEN", Encoding.ASCII.GetString(bytes, 0, 8));
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));
        var headerLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12));
        Assert.Equal(0, (16 + headerLength) % 64);
        using var header = JsonDocument.Parse(bytes.AsMemory(16, headerLength));
        var root = header.RootElement;
        Assert.Equal("sosrap-encoder", root.GetProperty("format").GetString());
        Assert.Equal(bytes.Length - 16 - headerLength, root.GetProperty("data_length").GetInt64());

        // The embedding tensor is where the header says, as little-endian float32.
        var embedding = root.GetProperty("tensors").GetProperty("embedding");
        var offset = 16 + headerLength + (int)embedding.GetProperty("offset").GetInt64();
        Assert.Equal(0, offset % 64);
        var model = FullModel();
        Assert.Equal(model.Embedding[3], BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset + 3 * 4)));
        Assert.Equal([model.Features.RowCount, model.EmbeddingDimension], embedding.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task A_folder_path_loads_its_encoder_bin()
    {
        await EncoderFile.SaveAsync(FullModel(), Path.Combine(_dir.Path, EncoderFile.FileName), Ct);
        var back = await EncoderFile.LoadAsync(_dir.Path, Ct);
        Assert.Equal(3, back.Dimension);
    }

    [Fact]
    public async Task A_newer_format_version_is_refused_with_a_clear_message()
    {
        var path = await SavedAsync();
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), 2);
        await File.WriteAllBytesAsync(path, bytes, Ct);

        var e = await Assert.ThrowsAsync<InputException>(() => EncoderFile.LoadAsync(path, Ct));
        Assert.Contains("versio 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("uudempi", e.Message, StringComparison.Ordinal);
        Assert.Equal(path, e.Source);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(-1)]
    public async Task A_truncated_file_is_reported_as_truncated(int keep)
    {
        var path = await SavedAsync();
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        var length = keep > 0 ? keep : bytes.Length - 7;
        await File.WriteAllBytesAsync(path, bytes[..length], Ct);

        var e = await Assert.ThrowsAsync<InputException>(() => EncoderFile.LoadAsync(path, Ct));
        Assert.Contains("katkennut", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bytes_after_the_data_are_reported()
    {
        var path = await SavedAsync();
        await File.AppendAllTextAsync(path, "xyz", Ct);
        var e = await Assert.ThrowsAsync<InputException>(() => EncoderFile.LoadAsync(path, Ct));
        Assert.Contains("ylimääräistä", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_data_byte_fails_the_checksum()
    {
        var path = await SavedAsync();
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        bytes[^5] ^= 0x40;
        await File.WriteAllBytesAsync(path, bytes, Ct);
        var e = await Assert.ThrowsAsync<InputException>(() => EncoderFile.LoadAsync(path, Ct));
        Assert.Contains("tarkistussumma", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_files_are_not_taken_for_encoders()
    {
        var path = Path.Combine(_dir.Path, "reports.jsonl");
        await File.WriteAllTextAsync(path, "{\"id\": \"1\"}\n", Ct);
        var e = await Assert.ThrowsAsync<InputException>(() => EncoderFile.LoadAsync(path, Ct));
        Assert.Contains("ei ole SosRap-enkooderitiedosto", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<FileNotFoundException>(() => EncoderFile.LoadAsync(Path.Combine(_dir.Path, "puuttuu.bin"), Ct));
    }

    [Fact]
    public async Task A_header_that_contradicts_itself_names_the_field()
    {
        var path = await SavedAsync();
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        // Same length, different dimension: the tensor shapes no longer match.
        var at = bytes.AsSpan().IndexOf("\"dimension\":3"u8);
        Assert.True(at > 0);
        bytes[at + "\"dimension\":".Length] = (byte)'4';
        await File.WriteAllBytesAsync(path, bytes, Ct);
        var e = await Assert.ThrowsAsync<InputException>(() => EncoderFile.LoadAsync(path, Ct));
        Assert.StartsWith("tensors.projection", e.Field, StringComparison.Ordinal);
    }

    private async Task<string> SavedAsync()
    {
        var path = Path.Combine(_dir.Path, EncoderFile.FileName);
        await EncoderFile.SaveAsync(FullModel(), path, Ct);
        return path;
    }
}

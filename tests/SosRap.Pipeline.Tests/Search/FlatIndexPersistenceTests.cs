using System.Buffers.Binary;
using SosRap.Pipeline.Search;

namespace SosRap.Pipeline.Tests.Search;

public sealed class FlatIndexPersistenceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sosrap-index-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(VectorQuantization.None)]
    [InlineData(VectorQuantization.Int8)]
    public void Round_trip_keeps_ids_rows_and_results(VectorQuantization quantization)
    {
        const int d = 33, n = 500;
        var data = TestVectors.Clustered(n, d, centers: 8, seed: 21);
        var queries = TestVectors.Clustered(10, d, centers: 8, seed: 22);
        var ids = Enumerable.Range(0, n).Select(i => $"raportti-{i}-ä€").ToArray();
        using var index = new FlatIndex(new FlatIndexOptions { Dimension = d, Quantization = quantization });
        index.AddRange(ids, data);
        var path = Path.Combine(_dir, "index.bin");
        index.Save(path, TestContext.Current.CancellationToken);

        using var loaded = FlatIndex.Load(path, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(d, loaded.Dimension);
        Assert.Equal(n, loaded.Count);
        Assert.Equal(quantization, loaded.Quantization);
        for (var row = 0; row < n; row += 37) Assert.Equal(ids[row], loaded.GetId(row));
        var a = new float[d];
        var b = new float[d];
        index.CopyVector(123, a);
        loaded.CopyVector(123, b);
        Assert.Equal(a, b);
        for (var qi = 0; qi < 10; qi++)
        {
            var q = queries.AsSpan(qi * d, d);
            Assert.Equal(index.Search(q, 10), loaded.Search(q, 10));
        }
        // Saving the loaded index gives the same bytes.
        var again = Path.Combine(_dir, "again.bin");
        loaded.Save(again, TestContext.Current.CancellationToken);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));
        // No temporary file is left behind.
        Assert.DoesNotContain(Directory.GetFiles(_dir), f => f.Contains(".tmp-", StringComparison.Ordinal));
    }

    [Fact]
    public void Removed_rows_are_not_written()
    {
        using var index = new FlatIndex(2);
        index.AddRange(["a", "b", "c"], [1, 0, 0, 1, 1, 1]);
        index.Remove("b");
        var path = Path.Combine(_dir, "i.bin");
        index.Save(path, TestContext.Current.CancellationToken);
        using var loaded = FlatIndex.Load(path, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(2, loaded.RowCount);
        Assert.Equal("c", loaded.GetId(1));
        Assert.Equal("c", loaded.Search([1, 1], 1)[0].Id);
    }

    [Fact]
    public void Empty_index_round_trips()
    {
        using var index = new FlatIndex(7);
        var path = Path.Combine(_dir, "empty.bin");
        index.Save(path, TestContext.Current.CancellationToken);
        using var loaded = FlatIndex.Load(path, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, loaded.Count);
        Assert.Equal(7, loaded.Dimension);
    }

    [Fact]
    public void A_flipped_byte_in_the_vectors_is_detected()
    {
        var path = SaveSample();
        var bytes = File.ReadAllBytes(path);
        bytes[128 + 1000] ^= 0x10;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => FlatIndex.Load(path, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("checksum of the vectors section does not match", e.Message);
        Assert.StartsWith(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupted_header_is_detected()
    {
        var path = SaveSample();
        var bytes = File.ReadAllBytes(path);
        bytes[16] ^= 1; // row count
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => FlatIndex.Load(path, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("header checksum", e.Message);
    }

    [Fact]
    public void A_truncated_file_is_detected()
    {
        var path = SaveSample();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]);
        var e = Assert.Throws<InvalidDataException>(() => FlatIndex.Load(path, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("truncated", e.Message);
        File.WriteAllBytes(path, bytes[..50]);
        e = Assert.Throws<InvalidDataException>(() => FlatIndex.Load(path, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("fewer than the 128-byte header", e.Message);
    }

    [Fact]
    public void Other_files_and_newer_versions_are_rejected()
    {
        var path = Path.Combine(_dir, "other.bin");
        File.WriteAllBytes(path, new byte[4096]);
        Assert.Contains("wrong magic", Assert.Throws<InvalidDataException>(() => FlatIndex.Load(path, cancellationToken: TestContext.Current.CancellationToken)).Message);
        path = SaveSample();
        var bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 2);
        File.WriteAllBytes(path, bytes);
        Assert.Contains("format version 2 is not supported", Assert.Throws<InvalidDataException>(() => FlatIndex.Load(path, cancellationToken: TestContext.Current.CancellationToken)).Message);
    }

    [Fact]
    public void Loading_a_missing_file_names_it()
    {
        var path = Path.Combine(_dir, "missing.bin");
        var e = Assert.Throws<FileNotFoundException>(() => FlatIndex.Load(path, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("missing.bin", e.Message);
    }

    private string SaveSample()
    {
        using var index = new FlatIndex(16);
        index.AddRange(TestVectors.Ids(100), TestVectors.Gaussian(100, 16, seed: 1));
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.bin");
        index.Save(path, TestContext.Current.CancellationToken);
        return path;
    }
}

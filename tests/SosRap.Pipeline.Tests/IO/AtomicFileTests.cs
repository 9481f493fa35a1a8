using SosRap.Pipeline.IO;

namespace SosRap.Pipeline.Tests.IO;

public sealed class AtomicFileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_failed_write_keeps_the_old_file_and_leaves_no_temporary_file()
    {
        using var dir = new TempDir();
        var path = dir.Write("out.jsonl", "old\n");
        await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteAsync(path, async (s, ct) =>
        {
            await s.WriteAsync("new, half"u8.ToArray(), ct);
            throw new InvalidOperationException("boom");
        }, Ct));
        Assert.Equal("old\n", await File.ReadAllTextAsync(path, Ct));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task A_report_stream_that_fails_midway_leaves_no_output()
    {
        using var dir = new TempDir();
        var input = dir.Write("in.csv", "id,phenomenon\nA,ok\nB,\nC,ok\n");
        var output = dir.File("out.parquet");
        await Assert.ThrowsAsync<InputProblemsException>(() =>
            ReportWriter.WriteFileAsync(output, ReportReader.Open(input).ReadAllAsync(cancellationToken: Ct), cancellationToken: Ct));
        Assert.False(File.Exists(output));
        Assert.Equal([input], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task A_successful_write_replaces_the_file()
    {
        using var dir = new TempDir();
        var path = dir.Write("t.txt", "old");
        await AtomicFile.WriteAllTextAsync(path, "uusi ä", Ct);
        Assert.Equal("uusi ä", await File.ReadAllTextAsync(path, Ct));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task A_parquet_writer_disposed_without_completing_leaves_no_readable_file()
    {
        using var stream = new MemoryStream();
        await using (var writer = ReportWriter.Create(stream, ReportFormat.Parquet, new ReportWriteOptions { ParquetRowGroupSize = 1 }, leaveOpen: true))
        {
            await writer.WriteAsync(SampleReports.All()[0], Ct);
            await writer.WriteAsync(SampleReports.All()[1], Ct);
        }

        stream.Position = 0;
        await Assert.ThrowsAsync<InputException>(() => ReadAll(stream));
    }

    private static async Task ReadAll(Stream stream)
    {
        await foreach (var _ in ReportReader.Open(stream, "x.parquet").ReadAllAsync(cancellationToken: Ct))
        {
        }
    }
}

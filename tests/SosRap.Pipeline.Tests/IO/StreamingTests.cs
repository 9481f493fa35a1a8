using SosRap.Models;
using SosRap.Pipeline.IO;

namespace SosRap.Pipeline.Tests.IO;

[CollectionDefinition(nameof(MemoryMeasuring), DisableParallelization = true)]
public sealed class MemoryMeasuring;

/// <summary>
/// Reads 100,000 rows while sampling the live managed heap: streaming means the heap stays far
/// below what the reports would take if they were all held (they are not kept here).
/// </summary>
[Collection(nameof(MemoryMeasuring))]
public sealed class StreamingTests
{
    private const int Rows = 100_000;
    private const int TextLength = 600;

    private static IEnumerable<Report> Generate()
    {
        var text = string.Concat(Enumerable.Repeat("Asiakkaiden vuokravakuudet viipyvät, ", TextLength / 37 + 1))[..TextLength];
        for (var i = 0; i < Rows; i++)
        {
            yield return new Report
            {
                Id = "S" + i,
                Phenomenon = text,
                Municipality = "Kajaani",
                ReportedAt = new DateOnly(2024, 1 + i % 12, 1 + i % 28),
                Categories = ["asuminen"],
            };
        }
    }

    [Theory]
    [InlineData("big.csv")]
    [InlineData("big.jsonl")]
    [InlineData("big.parquet")]
    public async Task Hundred_thousand_rows_are_read_without_holding_them(string name)
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDir();
        var path = dir.File(name);
        await ReportWriter.WriteFileAsync(path, Generate(), cancellationToken: ct);

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0, count = 0, chars = 0;
        await foreach (var r in ReportReader.Open(path).ReadAllAsync(cancellationToken: ct))
        {
            count++;
            chars += r.Phenomenon.Length;
            if (count % 20_000 == 0) peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
        }

        Assert.Equal(Rows, count);
        Assert.Equal((long)Rows * TextLength, chars);
        // Holding every report would take over 2 bytes × 60 M characters = 120 MB. The reader keeps
        // the id set (≈ 10 MB) and a buffer; Parquet also one decoded row group (10,000 rows by
        // default, ≈ 3–4 × its text size while it is decoded).
        var held = (long)Rows * TextLength * 2;
        TestContext.Current.TestOutputHelper?.WriteLine($"{name}: {new FileInfo(path).Length / 1_000_000} MB file, live heap peak +{peak / 1_000_000} MB");
        Assert.True(peak < held / 2, $"live heap grew by {peak / 1_000_000} MB while reading {name} (holding all would be {held / 1_000_000} MB)");
    }
}

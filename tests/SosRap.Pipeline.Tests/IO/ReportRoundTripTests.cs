using SosRap.Models;
using SosRap.Pipeline.IO;

namespace SosRap.Pipeline.Tests.IO;

public sealed class ReportRoundTripTests
{
    public static TheoryData<string, char, bool, string> Variants() => new()
    {
        { "reports.csv", ',', false, "\r\n" },
        { "reports.csv", ';', true, "\r\n" },
        { "reports.csv", ';', false, "\n" },
        { "reports.csv", ',', true, "\n" },
        { "reports.jsonl", ',', false, "\r\n" },
        { "reports.ndjson", ',', false, "\r\n" },
        { "reports.parquet", ',', false, "\r\n" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task Every_column_round_trips_exactly(string name, char delimiter, bool bom, string newLine)
    {
        using var dir = new TempDir();
        var path = dir.File(name);
        var expected = SampleReports.All();
        var options = new ReportWriteOptions { CsvDelimiter = delimiter, CsvByteOrderMark = bom, CsvNewLine = newLine, ParquetRowGroupSize = 3 };

        var written = await ReportWriter.WriteFileAsync(path, expected, options, cancellationToken: TestContext.Current.CancellationToken);
        var (actual, summary) = await ReportReader.ReadFileAsync(path, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(expected.Count, written);
        SampleReports.AssertEqual(expected, actual);
        Assert.Equal(0, summary.ErrorCount);
        Assert.Equal(0, summary.WarningCount);
        Assert.Equal(expected.Count, summary.RowsRead);
    }

    [Fact]
    public async Task Csv_with_bom_and_semicolons_is_written_as_excel_expects()
    {
        using var dir = new TempDir();
        var path = dir.File("excel.csv");
        await ReportWriter.WriteFileAsync(path, SampleReports.All().Take(1), ReportWriteOptions.Excel, cancellationToken: TestContext.Current.CancellationToken);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("id;phenomenon;proposal;municipality;service_area;reported_at;categories;kind;affected_clients;responsible;language;theme;contains_pii\r\n", text, StringComparison.Ordinal);
        Assert.Contains("R-1;Vuokravakuuksia ei myönnetä, ja asiakkaat jäävät ilman asuntoa.;", text, StringComparison.Ordinal);
        Assert.Contains(";2024-03-15;asuminen|toimeentulo;epakohta;12;Kela;fi;asuminen;false\r\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty.csv")]
    [InlineData("empty.jsonl")]
    [InlineData("empty.parquet")]
    public async Task An_empty_report_list_round_trips(string name)
    {
        using var dir = new TempDir();
        var path = dir.File(name);
        await ReportWriter.WriteFileAsync(path, Array.Empty<Report>(), cancellationToken: TestContext.Current.CancellationToken);
        var (reports, summary) = await ReportReader.ReadFileAsync(path, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty(reports);
        Assert.Equal(0, summary.RowsRead);
    }

    [Fact]
    public async Task Jsonl_lines_carry_every_column_with_nulls_and_arrays()
    {
        using var dir = new TempDir();
        var path = dir.File("r.jsonl");
        await ReportWriter.WriteFileAsync(path, SampleReports.All().Skip(1).Take(1), cancellationToken: TestContext.Current.CancellationToken);
        var line = (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).TrimEnd('\n');
        Assert.Equal(
            """{"id":"R-2","phenomenon":"Vain pakollinen kenttä.","proposal":"","municipality":null,"service_area":null,"reported_at":null,"categories":[],"kind":"epakohta","affected_clients":null,"responsible":null,"language":"fi","theme":null,"contains_pii":null}""",
            line);
    }

    [Fact]
    public async Task Converting_through_every_format_keeps_the_reports()
    {
        using var dir = new TempDir();
        var expected = SampleReports.All();
        var csv = dir.File("a.csv");
        await ReportWriter.WriteFileAsync(csv, expected, cancellationToken: TestContext.Current.CancellationToken);
        var pq = dir.File("b.parquet");
        await ReportWriter.WriteFileAsync(pq, ReportReader.Open(csv).ReadAllAsync(cancellationToken: TestContext.Current.CancellationToken), cancellationToken: TestContext.Current.CancellationToken);
        var jsonl = dir.File("c.jsonl");
        await ReportWriter.WriteFileAsync(jsonl, ReportReader.Open(pq).ReadAllAsync(cancellationToken: TestContext.Current.CancellationToken), cancellationToken: TestContext.Current.CancellationToken);
        var (actual, _) = await ReportReader.ReadFileAsync(jsonl, cancellationToken: TestContext.Current.CancellationToken);
        SampleReports.AssertEqual(expected, actual);
    }

    [Fact]
    public async Task Progress_reports_the_rows_read()
    {
        using var dir = new TempDir();
        var path = dir.File("p.jsonl");
        var many = Enumerable.Range(1, 2500).Select(i => new Report { Id = "id" + i, Phenomenon = "teksti " + i }).ToList();
        await ReportWriter.WriteFileAsync(path, many, cancellationToken: TestContext.Current.CancellationToken);
        var seen = new List<long>();
        var progress = new SyncProgress(seen.Add);
        await ReportReader.ReadFileAsync(path, progress: progress, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([1000L, 2000L, 2500L], seen);
    }

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}

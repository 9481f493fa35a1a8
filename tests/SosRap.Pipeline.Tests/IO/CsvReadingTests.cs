using System.Text;
using SosRap.Pipeline.IO;

namespace SosRap.Pipeline.Tests.IO;

/// <summary>Hand-written CSV as spreadsheets and scripts write it.</summary>
public sealed class CsvReadingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<Models.Report>> Read(byte[] bytes, char? delimiter = null)
    {
        using var dir = new TempDir();
        var (reports, summary) = await ReportReader.ReadFileAsync(dir.Write("r.csv", bytes), new ReportReadOptions { CsvDelimiter = delimiter }, cancellationToken: Ct);
        Assert.Equal(0, summary.WarningCount);
        return reports;
    }

    private static byte[] Utf8(string s, bool bom = false) =>
        (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []).Concat(Encoding.UTF8.GetBytes(s)).ToArray();

    [Theory]
    [InlineData("\r\n", true)]
    [InlineData("\n", false)]
    [InlineData("\r", false)]
    public async Task Finnish_excel_semicolon_file_is_read_with_any_line_ending(string nl, bool bom)
    {
        var text = $"id;phenomenon;proposal;reported_at;affected_clients{nl}" +
                   $"E1;\"Monirivinen{nl}ilmiö; jossa \"\"lainaus\"\"\";;2024-05-06;7{nl}" +
                   $"E2;Toinen, pilkulla;Ehdotus;;{nl}{nl}";
        var reports = await Read(Utf8(text, bom));
        Assert.Equal(2, reports.Count);
        Assert.Equal($"Monirivinen{nl}ilmiö; jossa \"lainaus\"", reports[0].Phenomenon);
        Assert.Equal("", reports[0].Proposal);
        Assert.Equal(7, reports[0].AffectedClients);
        Assert.Equal("Toinen, pilkulla", reports[1].Phenomenon);
        Assert.Equal("Ehdotus", reports[1].Proposal);
    }

    [Fact]
    public async Task Comma_file_without_final_newline_and_with_trailing_empty_field()
    {
        var reports = await Read(Utf8("id,phenomenon,proposal\nC1,\"a,b\",\nC2,x,\"loppu\""));
        Assert.Equal(["C1", "C2"], reports.Select(r => r.Id));
        Assert.Equal("a,b", reports[0].Phenomenon);
        Assert.Equal("loppu", reports[1].Proposal);
    }

    [Fact]
    public async Task Tab_separated_header_is_detected_and_an_explicit_delimiter_is_obeyed()
    {
        Assert.Equal("a,b;c", (await Read(Utf8("id\tphenomenon\n1\ta,b;c\n"))).Single().Phenomenon);
        // Told to use ';', a ','-separated header is one unknown column and the file is refused.
        using var dir = new TempDir();
        var e = await Assert.ThrowsAsync<InputException>(() => ReportReader.ReadFileAsync(dir.Write("r.csv", "id,phenomenon\n1,x\n"),
            new ReportReadOptions { CsvDelimiter = ';' }, cancellationToken: Ct));
        Assert.Equal("id", e.Field);
    }

    [Fact]
    public async Task Quotes_inside_an_unquoted_field_are_kept_as_text()
    {
        var reports = await Read(Utf8("id,phenomenon\n1,puhe 5\" näyttö\n"));
        Assert.Equal("puhe 5\" näyttö", reports.Single().Phenomenon);
    }

    [Fact]
    public async Task Row_numbers_are_the_lines_where_records_start()
    {
        using var dir = new TempDir();
        var path = dir.Write("r.csv", "id,phenomenon,reported_at\n1,\"kolme\nriviä\npitkä\",2024-01-01\n\n2,x,huono\n");
        var (_, s) = await ReportReader.ReadFileAsync(path, new ReportReadOptions { InvalidRows = InvalidRowPolicy.Collect }, cancellationToken: Ct);
        Assert.Equal(6, Assert.Single(s.Problems).Row);
    }

    [Theory]
    [InlineData("{\"id\":\"1\",\"phenomenon\":\"x\"}\n", ReportFormat.Jsonl)]
    [InlineData("id,phenomenon\n1,x\n", ReportFormat.Csv)]
    public async Task Standard_input_format_is_told_from_the_content(string content, ReportFormat expected)
    {
        using var stream = new MemoryStream(Utf8(content, bom: true));
        var reader = ReportReader.Open(stream, "-");
        var list = new List<Models.Report>();
        await foreach (var r in reader.ReadAllAsync(cancellationToken: Ct)) list.Add(r);
        Assert.Equal(expected, reader.Summary.Format);
        Assert.Equal("x", list.Single().Phenomenon);
    }
}

using Parquet;
using Parquet.Schema;
using Parquet.Serialization;
using Parquet.Serialization.Attributes;
using SosRap.Pipeline.IO;

namespace SosRap.Pipeline.Tests.IO;

/// <summary>
/// Checks our Parquet files with Parquet.Net's class serializer and schema metadata — a code path
/// independent of our low-level reader and writer — and reads files laid out as other tools do.
/// </summary>
public sealed class ParquetFileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Property names are the column names, so the class serializer maps them directly.
#pragma warning disable IDE1006
    public sealed class Row
    {
        [ParquetRequired]
        public string? id { get; set; }
        [ParquetRequired]
        public string? phenomenon { get; set; }
        [ParquetRequired]
        public string? proposal { get; set; }
        public string? municipality { get; set; }
        public string? service_area { get; set; }
        public DateOnly? reported_at { get; set; }
        [ParquetListElementRequired]
        public List<string>? categories { get; set; }
        [ParquetRequired]
        public string? kind { get; set; }
        public int? affected_clients { get; set; }
        public string? responsible { get; set; }
        [ParquetRequired]
        public string? language { get; set; }
        public string? theme { get; set; }
        public bool? contains_pii { get; set; }
    }

    public sealed class ForeignRow
    {
        public long id { get; set; }
        public string? phenomenon { get; set; }
        public string? reported_at { get; set; }
        public long? affected_clients { get; set; }
        public string? categories { get; set; }
        public string? notes { get; set; }
    }
#pragma warning restore IDE1006

    [Fact]
    public async Task Written_file_reads_back_through_the_class_serializer_with_standard_types()
    {
        using var dir = new TempDir();
        var path = dir.File("r.parquet");
        var expected = SampleReports.All();
        await ReportWriter.WriteFileAsync(path, expected, new ReportWriteOptions { ParquetRowGroupSize = 2 }, cancellationToken: Ct);

        await using (var stream = File.OpenRead(path))
        await using (var reader = await ParquetReader.CreateAsync(stream, cancellationToken: Ct))
        {
            Assert.Equal(2, reader.RowGroupCount);
            Assert.Equal("1", reader.CustomMetadata["sosrap.reports.version"]);
            Assert.Equal(
                ["id", "phenomenon", "proposal", "municipality", "service_area", "reported_at", "categories", "kind", "affected_clients", "responsible", "language", "theme", "contains_pii"],
                reader.Schema.Fields.Select(f => f.Name));
            var date = reader.Schema.DataFields.Single(f => f.Name == "reported_at");
            Assert.Equal(typeof(DateTime), date.ClrType); // DATE logical type, read as DateTime by default
            Assert.IsType<ListField>(reader.Schema.Fields.Single(f => f.Name == "categories"));
            Assert.Equal(typeof(int), reader.Schema.DataFields.Single(f => f.Name == "affected_clients").ClrType);
            Assert.Equal(typeof(bool), reader.Schema.DataFields.Single(f => f.Name == "contains_pii").ClrType);
        }

        var rows = (await ParquetSerializer.DeserializeAsync<Row>(path, new ParquetOptions { UseDateOnlyTypeForDates = true }, cancellationToken: Ct)).Data;
        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var e = expected[i];
            var a = rows[i];
            Assert.Equal(e.Id, a.id);
            Assert.Equal(e.Phenomenon, a.phenomenon);
            Assert.Equal(e.Proposal, a.proposal);
            Assert.Equal(e.Municipality, a.municipality);
            Assert.Equal(e.ServiceArea, a.service_area);
            Assert.Equal(e.ReportedAt, a.reported_at);
            Assert.Equal(e.Categories, a.categories ?? []);
            Assert.Equal(e.Kind == Models.ReportKind.HyvaKaytanto ? "hyva_kaytanto" : "epakohta", a.kind);
            Assert.Equal(e.AffectedClients, a.affected_clients);
            Assert.Equal(e.Responsible, a.responsible);
            Assert.Equal(e.Language, a.language);
            Assert.Equal(e.Theme, a.theme);
            Assert.Equal(e.ContainsPii, a.contains_pii);
        }
    }

    [Fact]
    public async Task Files_from_other_tools_are_read_with_type_conversions_and_warnings()
    {
        using var dir = new TempDir();
        var path = dir.File("foreign.parquet");
        ForeignRow[] rows =
        [
            new() { id = 7, phenomenon = "ok", reported_at = "2024-07-01", affected_clients = 5, categories = "asuminen|velat", notes = "x" },
            new() { id = 8, phenomenon = "ok", reported_at = "1.7.2024", affected_clients = -1 },
        ];
        await ParquetSerializer.SerializeAsync(rows, path, cancellationToken: Ct);

        var options = new ReportReadOptions { InvalidRows = InvalidRowPolicy.Collect };
        var (reports, s) = await ReportReader.ReadFileAsync(path, options, cancellationToken: Ct);
        var r = Assert.Single(reports);
        Assert.Equal("7", r.Id);
        Assert.Equal(new DateOnly(2024, 7, 1), r.ReportedAt);
        Assert.Equal(5, r.AffectedClients);
        Assert.Equal(["asuminen", "velat"], r.Categories);
        Assert.Contains(s.Problems, p => p.Severity == ProblemSeverity.Warning && p.Field == "notes" && p.Row is null);
        Assert.Contains(s.Problems, p => p.Row == 2 && p.Field == "reported_at");
        Assert.Contains(s.Problems, p => p.Row == 2 && p.Field == "affected_clients");
    }

    [Fact]
    public async Task A_file_that_is_not_parquet_is_an_input_error()
    {
        using var dir = new TempDir();
        var path = dir.Write("fake.parquet", "id,phenomenon\n1,x\n");
        var e = await Assert.ThrowsAsync<InputException>(() => ReportReader.ReadFileAsync(path, cancellationToken: Ct));
        Assert.Equal(path, e.Source);
        Assert.Contains("Parquet", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parquet_from_a_non_seekable_stream_is_spooled_and_read()
    {
        using var dir = new TempDir();
        var path = dir.File("r.parquet");
        await ReportWriter.WriteFileAsync(path, SampleReports.All(), cancellationToken: Ct);
        await using var pipe = new NonSeekable(File.OpenRead(path));
        var reader = ReportReader.Open(pipe, "-");
        var list = new List<Models.Report>();
        await foreach (var rep in reader.ReadAllAsync(cancellationToken: Ct)) list.Add(rep);
        Assert.Equal(ReportFormat.Parquet, reader.Summary.Format); // told from the PAR1 magic
        SampleReports.AssertEqual(SampleReports.All(), list);
    }

    private sealed class NonSeekable(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;
using SosRap.Models;

namespace SosRap.Pipeline.IO;

/// <summary>
/// RFC 4180 writer: a header of every column, fields quoted when they hold the delimiter, a
/// quote or a line break, quotes doubled, categories joined with <c>|</c>, empty for null.
/// </summary>
internal sealed class CsvReportWriter : IReportWriter
{
    private readonly StreamWriter _writer;
    private readonly char _delimiter;
    private readonly string _newLine;
    private readonly SearchValues<char> _special;
    private bool _headerWritten;

    public CsvReportWriter(Stream stream, ReportWriteOptions options, bool leaveOpen)
    {
        _writer = new StreamWriter(stream, new UTF8Encoding(options.CsvByteOrderMark), 64 * 1024, leaveOpen);
        _delimiter = options.CsvDelimiter;
        _newLine = options.CsvNewLine;
        _special = SearchValues.Create([_delimiter, '"', '\r', '\n']);
    }

    public long Count { get; private set; }

    public async ValueTask WriteAsync(Report report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ReportWriterChecks.CheckCategories(report);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_headerWritten) WriteHeader();
        Field(report.Id, first: true);
        Field(report.Phenomenon);
        Field(report.Proposal);
        Field(report.Municipality);
        Field(report.ServiceArea);
        Field(report.ReportedAt?.ToString(FieldParsers.DateFormat, CultureInfo.InvariantCulture));
        Field(report.Categories.Count == 0 ? null : string.Join('|', report.Categories));
        Field(FieldParsers.KindName(report.Kind));
        Field(report.AffectedClients?.ToString(CultureInfo.InvariantCulture));
        Field(report.Responsible);
        Field(report.Language);
        Field(report.Theme);
        Field(report.ContainsPii is { } b ? (b ? "true" : "false") : null);
        _writer.Write(_newLine);
        Count++;
        // StreamWriter buffers; flush to the stream only when its buffer is full.
        if (Count % 1024 == 0) await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (!_headerWritten) WriteHeader();
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private void WriteHeader()
    {
        _writer.Write(string.Join(_delimiter, ReportColumns.All));
        _writer.Write(_newLine);
        _headerWritten = true;
    }

    private void Field(string? value, bool first = false)
    {
        if (!first) _writer.Write(_delimiter);
        if (string.IsNullOrEmpty(value)) return;
        if (value.AsSpan().IndexOfAny(_special) < 0)
        {
            _writer.Write(value);
            return;
        }

        _writer.Write('"');
        _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }
}

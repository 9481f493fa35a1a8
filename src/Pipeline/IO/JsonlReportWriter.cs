using System.Globalization;
using SosRap.Models;

namespace SosRap.Pipeline.IO;

/// <summary>One JSON object per line, every column present (null when empty), Finnish letters unescaped.</summary>
internal sealed class JsonlReportWriter : IReportWriter
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly JsonlLineWriter _lines;

    public JsonlReportWriter(Stream stream, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _lines = new JsonlLineWriter(stream);
    }

    public long Count { get; private set; }

    public async ValueTask WriteAsync(Report report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ReportWriterChecks.CheckCategories(report);
        var w = _lines.Begin();
        w.WriteStartObject();
        w.WriteString(ReportColumns.Id, report.Id);
        w.WriteString(ReportColumns.Phenomenon, report.Phenomenon);
        w.WriteString(ReportColumns.Proposal, report.Proposal);
        w.WriteString(ReportColumns.Municipality, report.Municipality);
        w.WriteString(ReportColumns.ServiceArea, report.ServiceArea);
        w.WriteString(ReportColumns.ReportedAt, report.ReportedAt?.ToString(FieldParsers.DateFormat, CultureInfo.InvariantCulture));
        w.WriteStartArray(ReportColumns.Categories);
        foreach (var c in report.Categories) w.WriteStringValue(c);
        w.WriteEndArray();
        w.WriteString(ReportColumns.Kind, FieldParsers.KindName(report.Kind));
        if (report.AffectedClients is { } n) w.WriteNumber(ReportColumns.AffectedClients, n);
        else w.WriteNull(ReportColumns.AffectedClients);
        w.WriteString(ReportColumns.Responsible, report.Responsible);
        w.WriteString(ReportColumns.Language, report.Language);
        w.WriteString(ReportColumns.Theme, report.Theme);
        if (report.ContainsPii is { } b) w.WriteBoolean(ReportColumns.ContainsPii, b);
        else w.WriteNull(ReportColumns.ContainsPii);
        w.WriteEndObject();
        await _lines.EndAsync(cancellationToken).ConfigureAwait(false);
        Count++;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default) =>
        await _lines.FlushAsync(cancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        await _lines.DisposeAsync().ConfigureAwait(false);
        if (!_leaveOpen) await _stream.DisposeAsync().ConfigureAwait(false);
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Storage;
using SosRap.Models;
using SosRap.Pipeline.IO;

namespace SosRap.Api.Services;

/// <summary>
/// The research export: a period's handled reports as CSV, Parquet or JSONL, written by the
/// pipeline's report writers. Pseudonymised: no author, reviewer or comment fields at all, only the
/// redacted texts, and dates moved to the first of their month unless day precision is asked
/// for. Every export is audited.
/// </summary>
internal sealed partial class ExportService(SosRapDbContext db, AuditLog audit, ILogger<ExportService> logger)
{
    /// <summary>The export as a temporary file (deleted when the stream closes), with its content type and file name.</summary>
    public async Task<ExportFile> ExportAsync(CurrentUser user, ExportQuery query, CancellationToken cancellationToken)
    {
        Contracts.Period.TryParse(query.Period, out var period);
        var format = query.Format switch
        {
            "parquet" => ReportFormat.Parquet,
            "jsonl" => ReportFormat.Jsonl,
            _ => ReportFormat.Csv,
        };
        var byMonth = query.DatePrecision != "day";
        var path = Path.Combine(Path.GetTempPath(), "sosrap-export-" + Guid.NewGuid().ToString("N"));
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        long count;
        try
        {
            count = await ReportWriter.WriteAllAsync(stream, format, ReadAsync(period, byMonth, cancellationToken),
                ReportWriteOptions.Default, cancellationToken: cancellationToken);
            stream.Position = 0;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }

        audit.Record(user, "export", "export", period.Label,
        [
            new AuditChange("format", null, ReportFormats.Name(format)),
            new AuditChange("reports", null, count.ToString(CultureInfo.InvariantCulture)),
            new AuditChange("date_precision", null, byMonth ? "month" : "day"),
        ]);
        await db.SaveChangesAsync(cancellationToken);
        LogExport(user.Id, period.Label, count);
        var extension = ReportFormats.Name(format);
        var contentType = format switch
        {
            ReportFormat.Parquet => "application/vnd.apache.parquet",
            ReportFormat.Jsonl => "application/jsonl; charset=utf-8",
            _ => "text/csv; charset=utf-8",
        };
        return new ExportFile(stream, contentType, $"sosrap-{period.Label}.{extension}", count);
    }

    private async IAsyncEnumerable<Report> ReadAsync(Contracts.Period period, bool byMonth, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var handled = Workflow.Handled.ToList();
        var rows = db.Reports.AsNoTracking()
            .Where(r => handled.Contains(r.State) && r.ReportedAt >= period.From && r.ReportedAt <= period.To)
            .OrderBy(r => r.ReportedAt).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Phenomenon, r.Proposal, r.Municipality, r.ServiceArea, r.ReportedAt, r.Kind, r.AffectedClients, r.Responsible, r.Language,
                Categories = r.Categories.Select(c => c.CategoryId).ToList(),
            })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            yield return new Report
            {
                Id = r.Id,
                Phenomenon = r.Phenomenon,
                Proposal = r.Proposal,
                Municipality = r.Municipality,
                ServiceArea = r.ServiceArea,
                ReportedAt = byMonth ? new DateOnly(r.ReportedAt.Year, r.ReportedAt.Month, 1) : r.ReportedAt,
                Kind = r.Kind,
                AffectedClients = r.AffectedClients,
                Responsible = r.Responsible,
                Language = r.Language,
                Categories = r.Categories.Order(StringComparer.Ordinal).ToList(),
            };
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Export of period {Period} by user {UserId}: {Count} reports")]
    private partial void LogExport(Guid userId, string period, long count);
}

/// <summary>An export ready to send; disposing the stream deletes the temporary file.</summary>
internal sealed record ExportFile(Stream Stream, string ContentType, string FileName, long Count);

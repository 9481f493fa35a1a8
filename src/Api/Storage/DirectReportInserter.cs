namespace SosRap.Api.Storage;

/// <summary>Commits each report in the request's own unit of work (PostgreSQL, which commits concurrently).</summary>
internal sealed class DirectReportInserter(SosRapDbContext db) : IReportInserter
{
    public async Task InsertAsync(ReportEntity report, AuditEntryEntity audit, CancellationToken cancellationToken)
    {
        db.Reports.Add(report);
        db.Audit.Add(audit);
        await db.SaveChangesAsync(cancellationToken);
    }
}

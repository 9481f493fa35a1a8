namespace SosRap.Api.Storage;

/// <summary>Stores a new report together with its audit entry, in one transaction; completes once committed.</summary>
internal interface IReportInserter
{
    Task InsertAsync(ReportEntity report, AuditEntryEntity audit, CancellationToken cancellationToken);
}

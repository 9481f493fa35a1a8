using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SosRap.Api.Contracts;
using SosRap.Api.Storage;

namespace SosRap.Api.Services;

/// <summary>Reads the audit log, newest first.</summary>
internal sealed class AuditReader(SosRapDbContext db)
{
    public async Task<PagedList<AuditEntryResponse>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var entries = db.Audit.AsNoTracking();
        if (!string.IsNullOrEmpty(query.EntityId)) entries = entries.Where(a => a.EntityId == query.EntityId);
        if (!string.IsNullOrEmpty(query.EntityType)) entries = entries.Where(a => a.EntityType == query.EntityType);
        if (Guid.TryParse(query.Actor, out var actor)) entries = entries.Where(a => a.ActorId == actor);
        var page = query.Page ?? 1;
        var size = query.PageSize ?? 50;
        var total = await entries.LongCountAsync(cancellationToken);
        var rows = await entries.OrderByDescending(a => a.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        var items = rows.Select(a => new AuditEntryResponse(a.Id, a.At, a.ActorId, a.ActorRole, a.Action, a.EntityType, a.EntityId,
            JsonSerializer.Deserialize<List<AuditChange>>(a.Changes, AuditLog.Json) ?? [])).ToList();
        return new PagedList<AuditEntryResponse>(items, page, size, total);
    }
}

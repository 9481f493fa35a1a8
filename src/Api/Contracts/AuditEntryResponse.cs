namespace SosRap.Api.Contracts;

/// <summary>One audit log entry: who did what to which entity, when, and the previous values.</summary>
public sealed record AuditEntryResponse(long Id, DateTime At, Guid? ActorId, string? ActorRole, string Action, string EntityType, string EntityId,
    IReadOnlyList<AuditChange> Changes);

namespace SosRap.Api.Storage;

/// <summary>One audited change: who, when, what, and the previous values (never report texts).</summary>
internal sealed class AuditEntryEntity
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public string? ActorRole { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }

    /// <summary>JSON array of <c>{"field","old","new"}</c>.</summary>
    public string Changes { get; set; } = "[]";
}

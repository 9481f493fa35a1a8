using System.Globalization;
using System.Text.Json;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Storage;

namespace SosRap.Api.Services;

/// <summary>
/// Adds audit entries to the caller's unit of work, so an entry is stored exactly when the change
/// is. Report texts are never copied into the log: a text change records lengths only.
/// </summary>
internal sealed class AuditLog(SosRapDbContext db, TimeProvider time)
{
    internal static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public void Record(CurrentUser? actor, string action, string entityType, string entityId, IEnumerable<AuditChange> changes) =>
        db.Audit.Add(Create(actor, action, entityType, entityId, changes));

    /// <summary>An entry for the caller to store in the same transaction as the change (e.g. through the insert queue).</summary>
    public AuditEntryEntity Create(CurrentUser? actor, string action, string entityType, string entityId, IEnumerable<AuditChange> changes) =>
        new()
        {
            At = time.GetUtcNow().UtcDateTime,
            ActorId = actor?.Id,
            ActorRole = actor is null ? null : WireFormats.Name(actor.Role),
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Changes = JsonSerializer.Serialize(changes.ToList(), Json),
        };

    /// <summary>A field change with its previous value; null when nothing changed.</summary>
    public static AuditChange? Change(string field, string? old, string? @new) =>
        string.Equals(old, @new, StringComparison.Ordinal) ? null : new AuditChange(field, old, @new);

    /// <summary>A text change as lengths only ("412 merkkiä"); null when the text did not change.</summary>
    public static AuditChange? TextChange(string field, string? old, string @new) =>
        string.Equals(old, @new, StringComparison.Ordinal) ? null : new AuditChange(field, old is null ? null : Length(old), Length(@new));

    public static string Join(IEnumerable<string> values) => string.Join('|', values.Order(StringComparer.Ordinal));

    private static string Length(string text) => text.Length.ToString(CultureInfo.InvariantCulture) + " merkkiä";
}

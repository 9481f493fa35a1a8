using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Storage;

namespace SosRap.Api.Services;

/// <summary>
/// Users and API keys, for administrators. A key is returned once at creation and stored only as
/// its hash. Changing, disabling or revoking takes effect at once in this process (the key cache
/// is cleared). An administrator cannot demote or disable themselves, so the service cannot be
/// locked out by accident.
/// </summary>
internal sealed class UserService(SosRapDbContext db, AuditLog audit, ApiKeyValidator validator, TimeProvider time)
{
    public async Task<IReadOnlyList<UserResponse>> ListAsync(CancellationToken cancellationToken) =>
        (await db.Users.AsNoTracking().OrderBy(u => u.Name).ThenBy(u => u.Id).ToListAsync(cancellationToken)).Select(ToResponse).ToList();

    public async Task<Outcome<UserResponse>> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken) is { } user
            ? Outcome<UserResponse>.Ok(ToResponse(user))
            : Outcome<UserResponse>.NotFound("Käyttäjää ei löydy.");

    public async Task<UserResponse> CreateAsync(CurrentUser actor, UserInput input, CancellationToken cancellationToken)
    {
        var user = new UserEntity
        {
            Id = Guid.CreateVersion7(),
            Name = input.Name,
            Role = input.Role!.Value,
            ServiceAreas = input.ServiceAreas.Distinct(StringComparer.Ordinal).ToList(),
            Disabled = input.Disabled,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Users.Add(user);
        audit.Record(actor, "user.created", "user", user.Id.ToString(),
        [
            new AuditChange("role", null, WireFormats.Name(user.Role)),
            new AuditChange("service_areas", null, AuditLog.Join(user.ServiceAreas)),
            new AuditChange("disabled", null, user.Disabled ? "true" : "false"),
        ]);
        await db.SaveChangesAsync(cancellationToken);
        return ToResponse(user);
    }

    public async Task<Outcome<UserResponse>> UpdateAsync(CurrentUser actor, Guid id, UserInput input, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null) return Outcome<UserResponse>.NotFound("Käyttäjää ei löydy.");
        if (user.Id == actor.Id && (input.Role != Role.Yllapitaja || input.Disabled))
            return Outcome<UserResponse>.Conflict("Et voi poistaa omaa ylläpitäjän rooliasi etkä estää omaa tunnustasi.");

        var areas = input.ServiceAreas.Distinct(StringComparer.Ordinal).ToList();
        AuditChange?[] changes =
        [
            AuditLog.Change("name", user.Name, input.Name),
            AuditLog.Change("role", WireFormats.Name(user.Role), WireFormats.Name(input.Role!.Value)),
            AuditLog.Change("service_areas", AuditLog.Join(user.ServiceAreas), AuditLog.Join(areas)),
            AuditLog.Change("disabled", user.Disabled ? "true" : "false", input.Disabled ? "true" : "false"),
        ];
        user.Name = input.Name;
        user.Role = input.Role.Value;
        user.ServiceAreas = areas;
        user.Disabled = input.Disabled;
        audit.Record(actor, "user.updated", "user", user.Id.ToString(), changes.OfType<AuditChange>());
        await db.SaveChangesAsync(cancellationToken);
        await ForgetKeysAsync(user.Id, cancellationToken);
        return Outcome<UserResponse>.Ok(ToResponse(user));
    }

    public async Task<Outcome<NewApiKeyResponse>> CreateKeyAsync(CurrentUser actor, Guid userId, ApiKeyRequest request, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
            return Outcome<NewApiKeyResponse>.NotFound("Käyttäjää ei löydy.");
        var key = ApiKeys.Generate();
        var now = time.GetUtcNow().UtcDateTime;
        var entity = new ApiKeyEntity
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Label = request.Label,
            Prefix = ApiKeys.DisplayPrefix(key),
            Hash = ApiKeys.Hash(key),
            CreatedAt = now,
            ExpiresAt = now.AddDays(request.ExpiresInDays ?? 365),
        };
        db.ApiKeys.Add(entity);
        audit.Record(actor, "api_key.created", "api_key", entity.Id.ToString(),
        [
            new AuditChange("user", null, userId.ToString()),
            new AuditChange("label", null, entity.Label),
            new AuditChange("expires_at", null, entity.ExpiresAt?.ToString("O", CultureInfo.InvariantCulture)),
        ]);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<NewApiKeyResponse>.Ok(new NewApiKeyResponse(ToResponse(entity), key));
    }

    public async Task<Outcome<IReadOnlyList<ApiKeyResponse>>> KeysAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
            return Outcome<IReadOnlyList<ApiKeyResponse>>.NotFound("Käyttäjää ei löydy.");
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId).OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
        return Outcome<IReadOnlyList<ApiKeyResponse>>.Ok(keys.Select(ToResponse).ToList());
    }

    public async Task<Outcome<ApiKeyResponse>> RevokeKeyAsync(CurrentUser actor, Guid keyId, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        if (key is null) return Outcome<ApiKeyResponse>.NotFound("Avainta ei löydy.");
        if (key.RevokedAt is not null) return Outcome<ApiKeyResponse>.Ok(ToResponse(key));
        key.RevokedAt = time.GetUtcNow().UtcDateTime;
        audit.Record(actor, "api_key.revoked", "api_key", key.Id.ToString(), [new AuditChange("revoked_at", null, key.RevokedAt?.ToString("O", CultureInfo.InvariantCulture))]);
        await db.SaveChangesAsync(cancellationToken);
        validator.Invalidate([key.Hash]);
        return Outcome<ApiKeyResponse>.Ok(ToResponse(key));
    }

    private async Task ForgetKeysAsync(Guid userId, CancellationToken cancellationToken) =>
        validator.Invalidate(await db.ApiKeys.AsNoTracking().Where(k => k.UserId == userId).Select(k => k.Hash).ToListAsync(cancellationToken));

    private static UserResponse ToResponse(UserEntity u) => new(u.Id, u.Name, u.Role, u.ServiceAreas, u.Disabled, u.CreatedAt);

    private static ApiKeyResponse ToResponse(ApiKeyEntity k) => new(k.Id, k.UserId, k.Label, k.Prefix, k.CreatedAt, k.ExpiresAt, k.RevokedAt);
}

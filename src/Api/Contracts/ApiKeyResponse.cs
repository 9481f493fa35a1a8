namespace SosRap.Api.Contracts;

/// <summary>An API key's metadata; the key itself is shown once, at creation.</summary>
public sealed record ApiKeyResponse(Guid Id, Guid UserId, string Label, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? RevokedAt);

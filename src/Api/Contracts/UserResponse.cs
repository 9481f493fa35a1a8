namespace SosRap.Api.Contracts;

/// <summary>A user as administrators see them.</summary>
public sealed record UserResponse(Guid Id, string Name, Role Role, IReadOnlyList<string> ServiceAreas, bool Disabled, DateTime CreatedAt);

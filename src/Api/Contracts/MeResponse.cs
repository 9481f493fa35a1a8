namespace SosRap.Api.Contracts;

/// <summary>The caller: who they are and what they may do.</summary>
public sealed record MeResponse(Guid Id, string Name, Role Role, IReadOnlyList<string> ServiceAreas);

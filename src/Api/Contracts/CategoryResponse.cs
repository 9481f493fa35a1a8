namespace SosRap.Api.Contracts;

/// <summary>A category with its 11 § support need.</summary>
public sealed record CategoryResponse(string Id, string Name, string Description, IReadOnlyList<string> Terms, string SupportNeed);

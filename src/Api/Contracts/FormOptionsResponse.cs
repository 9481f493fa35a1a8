namespace SosRap.Api.Contracts;

/// <summary>Choices of the report form.</summary>
public sealed record FormOptionsResponse(IReadOnlyList<string> Responsible, IReadOnlyList<string> Kinds, IReadOnlyList<string> Municipalities,
    IReadOnlyList<string> ServiceAreas, IReadOnlyList<string> States);

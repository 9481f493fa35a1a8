namespace SosRap.Api.Contracts;

/// <summary>Candidate themes of a period.</summary>
public sealed record ThemeCandidatesResponse(string? Period, string ModelVersion, IReadOnlyList<ThemeCandidateResponse> Candidates);

namespace SosRap.Models;

/// <summary>One taxonomy category, as in <c>taxonomy.json</c>.</summary>
/// <param name="Id">Stable identifier, e.g. <c>asuminen</c>.</param>
/// <param name="Name">Finnish display name.</param>
/// <param name="Description">Finnish description; zero-shot suggestion reads it.</param>
/// <param name="Terms">Optional extra key terms.</param>
/// <param name="SupportNeed">The Social Welfare Act 11 § support need it maps to, for national comparison.</param>
public sealed record Category(
    string Id,
    string Name,
    string Description,
    IReadOnlyList<string> Terms,
    string? SupportNeed = null);

using SosRap.Api.Contracts;

namespace SosRap.Api.Hosting;

/// <summary>A demo user: a short slug (the key's label), display name, role and service areas.</summary>
internal sealed record DemoAccount(string Slug, string Name, Role Role, IReadOnlyList<string> ServiceAreas);

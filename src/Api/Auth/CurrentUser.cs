using System.Security.Claims;
using SosRap.Api.Contracts;

namespace SosRap.Api.Auth;

/// <summary>The authenticated caller, read from the claims the API key handler issued.</summary>
internal sealed record CurrentUser(Guid Id, string Name, Role Role, IReadOnlyList<string> ServiceAreas)
{
    public const string ServiceAreaClaim = "sosrap:service_area";

    /// <summary>Reads the caller from <paramref name="principal"/>; throws when it is not one of ours (a bug: every endpoint requires authentication).</summary>
    public static CurrentUser From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var role = principal.FindFirstValue(ClaimTypes.Role);
        if (!Guid.TryParse(id, out var userId) || !WireFormats.TryParse<Role>(role, out var parsedRole))
            throw new InvalidOperationException("The request has no SosRap user; the endpoint must require authorization.");
        return new CurrentUser(userId, principal.FindFirstValue(ClaimTypes.Name) ?? "", parsedRole,
            principal.FindAll(ServiceAreaClaim).Select(c => c.Value).ToList());
    }

    /// <summary>True when this supervisor's service areas include <paramref name="serviceArea"/>.</summary>
    public bool HandlesArea(string serviceArea) => ServiceAreas.Contains(serviceArea, StringComparer.Ordinal);
}

using Microsoft.AspNetCore.Http.HttpResults;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Services;

namespace SosRap.Api.Endpoints;

/// <summary>The audit log: who changed what and when, with previous values (never report texts).</summary>
internal static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", ListAudit)
            .WithTags("Ylläpito")
            .WithName(nameof(ListAudit))
            .WithSummary("Muutosloki, uusin ensin")
            .RequireAuthorization(Policies.Audit)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    public static async Task<Ok<PagedList<AuditEntryResponse>>> ListAudit([AsParameters] AuditQuery query, AuditReader audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.ListAsync(query, cancellationToken));
}

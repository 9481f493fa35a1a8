using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Storage;
using SosRap.Models;

namespace SosRap.Api.Endpoints;

/// <summary>What the report form offers: responsible parties, kinds, states, and the municipalities and service areas in use.</summary>
internal static class MetaApi
{
    public static IEndpointRouteBuilder MapMetaApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/form-options", GetFormOptions)
            .WithTags("Käyttäjät").WithName(nameof(GetFormOptions)).WithSummary("Lomakkeen valinnat")
            .RequireAuthorization(Policies.AnyUser).ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    public static async Task<Ok<FormOptionsResponse>> GetFormOptions(ClaimsPrincipal principal, SosRapDbContext db, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(principal);
        var municipalities = await db.Reports.AsNoTracking().Where(r => r.Municipality != null).Select(r => r.Municipality!).Distinct()
            .ToListAsync(cancellationToken);
        var areas = await db.Reports.AsNoTracking().Select(r => r.ServiceArea).Distinct().ToListAsync(cancellationToken);
        return TypedResults.Ok(new FormOptionsResponse(
            ReportInput.ResponsibleValues,
            WireFormats.EnumNames(typeof(ReportKind)).ToList(),
            municipalities.Order(StringComparer.Ordinal).ToList(),
            areas.Union(user.ServiceAreas).Order(StringComparer.Ordinal).ToList(),
            WireFormats.EnumNames(typeof(ReportState)).ToList()));
    }
}

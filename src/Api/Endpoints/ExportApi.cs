using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Services;

namespace SosRap.Api.Endpoints;

/// <summary>The pseudonymised research export of a period's handled reports.</summary>
internal static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/export", ExportReports)
            .WithTags("Tutkimus")
            .WithName(nameof(ExportReports))
            .WithSummary("Lataa kauden käsitellyt ilmoitukset (CSV, Parquet tai JSONL), pseudonymisoituna")
            .WithDescription("Ei laatijoita, käsittelijöitä eikä kommentteja; vain anonymisoidut tekstit; päivämäärät oletuksena kuukauden tarkkuudella. Jokainen lataus kirjataan lokiin.")
            .RequireAuthorization(Policies.Export)
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    public static async Task<FileStreamHttpResult> ExportReports(
        [AsParameters] ExportQuery query, ClaimsPrincipal principal, ExportService export, CancellationToken cancellationToken)
    {
        var file = await export.ExportAsync(CurrentUser.From(principal), query, cancellationToken);
        return TypedResults.File(file.Stream, file.ContentType, file.FileName);
    }
}

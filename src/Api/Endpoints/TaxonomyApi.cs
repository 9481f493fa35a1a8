using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Services;

namespace SosRap.Api.Endpoints;

/// <summary>The versioned taxonomy and the 11 § support needs it maps to.</summary>
internal static class TaxonomyApi
{
    public static IEndpointRouteBuilder MapTaxonomyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Taksonomia");
        api.MapGet("/taxonomy", GetCurrentTaxonomy)
            .WithName(nameof(GetCurrentTaxonomy)).WithSummary("Nykyinen taksonomia")
            .RequireAuthorization(Policies.AnyUser).ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/taxonomy/versions", ListTaxonomyVersions)
            .WithName(nameof(ListTaxonomyVersions)).WithSummary("Taksonomian versiot")
            .RequireAuthorization(Policies.AnyUser).ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapGet("/taxonomy/versions/{version:int:range(1,1000000)}", GetTaxonomyVersion)
            .WithName(nameof(GetTaxonomyVersion)).WithSummary("Yksi taksonomian versio")
            .RequireAuthorization(Policies.AnyUser).ProducesProblem(StatusCodes.Status401Unauthorized);
        api.MapPost("/taxonomy/versions", CreateTaxonomyVersion)
            .WithName(nameof(CreateTaxonomyVersion)).WithSummary("Luo uusi taksonomiaversio (vanhat ilmoitukset säilyttävät versionsa)")
            .RequireAuthorization(Policies.Administer)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/taxonomy/categories", AddCategory)
            .WithName(nameof(AddCategory)).WithSummary("Lisää luokka (uusi taksonomiaversio)")
            .RequireAuthorization(Policies.Administer)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/support-needs", ListSupportNeeds)
            .WithName(nameof(ListSupportNeeds)).WithSummary("Sosiaalihuoltolain 11 §:n tuen tarpeet")
            .RequireAuthorization(Policies.AnyUser).ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    public static async Task<Results<Ok<TaxonomyResponse>, ProblemHttpResult>> GetCurrentTaxonomy(TaxonomyService taxonomy, CancellationToken cancellationToken) =>
        await taxonomy.CurrentAsync(cancellationToken) is { } current
            ? TypedResults.Ok(current.ToResponse())
            : HttpOutcomes.Problem(StatusCodes.Status503ServiceUnavailable, "Ei käytettävissä", "Taksonomiaa ei ole vielä alustettu.");

    public static async Task<Ok<IReadOnlyList<TaxonomyVersionSummary>>> ListTaxonomyVersions(TaxonomyService taxonomy, CancellationToken cancellationToken) =>
        TypedResults.Ok(await taxonomy.VersionsAsync(cancellationToken));

    public static async Task<Results<Ok<TaxonomyResponse>, ProblemHttpResult>> GetTaxonomyVersion(int version, TaxonomyService taxonomy, CancellationToken cancellationToken) =>
        await taxonomy.VersionAsync(version, cancellationToken) is { } found
            ? TypedResults.Ok(found.ToResponse())
            : HttpOutcomes.Problem(StatusCodes.Status404NotFound, "Ei löydy", "Taksonomian versiota ei ole.");

    public static async Task<Results<Ok<TaxonomyResponse>, ValidationProblem, ProblemHttpResult>> CreateTaxonomyVersion(
        TaxonomyVersionRequest request, ClaimsPrincipal principal, TaxonomyService taxonomy, CancellationToken cancellationToken) =>
        (await taxonomy.CreateVersionAsync(CurrentUser.From(principal), request.Note, request.Categories, "taxonomy.created", cancellationToken)).ToOk();

    public static async Task<Results<Ok<TaxonomyResponse>, ValidationProblem, ProblemHttpResult>> AddCategory(
        NewCategoryRequest request, ClaimsPrincipal principal, TaxonomyService taxonomy, CancellationToken cancellationToken) =>
        (await taxonomy.AddCategoryAsync(CurrentUser.From(principal), request.Category!, request.Note ?? $"Uusi luokka {request.Category!.Id}",
            "taxonomy.category_added", cancellationToken)).ToOk();

    public static Ok<IReadOnlyList<SupportNeedResponse>> ListSupportNeeds(SupportNeedCatalog needs) => TypedResults.Ok(needs.All);
}

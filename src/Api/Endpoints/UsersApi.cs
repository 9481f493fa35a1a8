using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Services;

namespace SosRap.Api.Endpoints;

/// <summary>Users and their API keys (administrators), and the caller's own profile.</summary>
internal static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", GetMe)
            .WithTags("Käyttäjät").WithName(nameof(GetMe)).WithSummary("Kuka olen ja mikä on roolini")
            .RequireAuthorization(Policies.AnyUser).ProducesProblem(StatusCodes.Status401Unauthorized);

        var api = app.MapGroup("/api").WithTags("Käyttäjät")
            .RequireAuthorization(Policies.Administer)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/users", ListUsers).WithName(nameof(ListUsers)).WithSummary("Käyttäjät");
        api.MapPost("/users", CreateUser).WithName(nameof(CreateUser)).WithSummary("Luo käyttäjä");
        api.MapGet("/users/{id:guid}", GetUser).WithName(nameof(GetUser)).WithSummary("Yksi käyttäjä");
        api.MapPut("/users/{id:guid}", UpdateUser).WithName(nameof(UpdateUser)).WithSummary("Muuta käyttäjän nimeä, roolia, palvelualueita tai estä tunnus");
        api.MapGet("/users/{id:guid}/keys", ListKeys).WithName(nameof(ListKeys)).WithSummary("Käyttäjän API-avaimet (ilman itse avaimia)");
        api.MapPost("/users/{id:guid}/keys", CreateKey).WithName(nameof(CreateKey)).WithSummary("Luo API-avain; avain näytetään vain nyt");
        api.MapDelete("/keys/{id:guid}", RevokeKey).WithName(nameof(RevokeKey)).WithSummary("Peru API-avain");
        return app;
    }

    public static Ok<MeResponse> GetMe(ClaimsPrincipal principal)
    {
        var user = CurrentUser.From(principal);
        return TypedResults.Ok(new MeResponse(user.Id, user.Name, user.Role, user.ServiceAreas));
    }

    public static async Task<Ok<IReadOnlyList<UserResponse>>> ListUsers(UserService users, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.ListAsync(cancellationToken));

    public static async Task<Created<UserResponse>> CreateUser(UserInput input, ClaimsPrincipal principal, UserService users, CancellationToken cancellationToken)
    {
        var created = await users.CreateAsync(CurrentUser.From(principal), input, cancellationToken);
        return TypedResults.Created("/api/users/" + created.Id, created);
    }

    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> GetUser(Guid id, UserService users, CancellationToken cancellationToken) =>
        (await users.GetAsync(id, cancellationToken)).ToOk();

    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> UpdateUser(
        Guid id, UserInput input, ClaimsPrincipal principal, UserService users, CancellationToken cancellationToken) =>
        (await users.UpdateAsync(CurrentUser.From(principal), id, input, cancellationToken)).ToOk();

    public static async Task<Results<Ok<IReadOnlyList<ApiKeyResponse>>, ValidationProblem, ProblemHttpResult>> ListKeys(
        Guid id, UserService users, CancellationToken cancellationToken) =>
        (await users.KeysAsync(id, cancellationToken)).ToOk();

    public static async Task<Results<Created<NewApiKeyResponse>, ValidationProblem, ProblemHttpResult>> CreateKey(
        Guid id, ApiKeyRequest request, ClaimsPrincipal principal, UserService users, CancellationToken cancellationToken) =>
        (await users.CreateKeyAsync(CurrentUser.From(principal), id, request, cancellationToken)).ToCreated(k => "/api/users/" + id + "/keys");

    public static async Task<Results<Ok<ApiKeyResponse>, ValidationProblem, ProblemHttpResult>> RevokeKey(
        Guid id, ClaimsPrincipal principal, UserService users, CancellationToken cancellationToken) =>
        (await users.RevokeKeyAsync(CurrentUser.From(principal), id, cancellationToken)).ToOk();
}

using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace SosRap.Api.Auth;

/// <summary>
/// Authenticates a request by its API key: header <c>X-Api-Key: KEY</c> or
/// <c>Authorization: Bearer KEY</c>. Answers 401 and 403 as ProblemDetails. The key is never logged.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyValidator validator,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request.Headers);
        if (key is null) return AuthenticateResult.NoResult();
        if (key.Length == 0 || key.Length > ApiKeys.MaximumLength)
            return AuthenticateResult.Fail("Malformed API key.");
        var principal = await validator.ValidateAsync(key, Context.RequestAborted);
        return principal is null
            ? AuthenticateResult.Fail("Unknown, revoked or expired API key.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"sosrap\", ApiKey header=\"" + ApiKeys.HeaderName + "\"";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Tunnistautuminen vaaditaan",
            ReadKey(Request.Headers) is null
                ? "Anna API-avain otsakkeessa X-Api-Key tai Authorization: Bearer."
                : "API-avain on tuntematon, peruttu tai vanhentunut.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync(StatusCodes.Status403Forbidden, "Ei käyttöoikeutta", "Roolillasi ei ole oikeutta tähän toimintoon.");
    }

    private async Task WriteProblemAsync(int status, string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });

    internal static string? ReadKey(IHeaderDictionary headers)
    {
        if (headers.TryGetValue(ApiKeys.HeaderName, out var apiKey))
            return apiKey.Count == 1 ? apiKey[0]!.Trim() : "";
        var authorization = headers.Authorization;
        if (authorization.Count == 0) return null;
        var value = authorization[0];
        const string bearer = "Bearer ";
        return value is not null && value.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? value[bearer.Length..].Trim() : null;
    }
}

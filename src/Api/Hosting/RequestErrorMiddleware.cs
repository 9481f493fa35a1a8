using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using SosRap.Api.Contracts;

namespace SosRap.Api.Hosting;

/// <summary>
/// Turns request errors into RFC 7807 ProblemDetails that name the field: malformed JSON, a value
/// of the wrong type or an unknown enum value (400), a body over the limit (413), a wrong content
/// type (415). Anything unexpected is a 500 with only a trace id: never a stack trace, an exception
/// message or any part of the request in the response, and only the exception type in the log.
/// </summary>
internal sealed partial class RequestErrorMiddleware(RequestDelegate next, IProblemDetailsService problems, ILogger<RequestErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            var problem = Describe(e);
            context.Response.Clear();
            context.Response.StatusCode = problem.Status!.Value;
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            LogUnhandled(e.GetType().FullName ?? "?", context.Request.Method, RouteOf(context), context.TraceIdentifier, e.StackTrace ?? "");
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "Palvelinvirhe",
                    Detail = "Pyyntöä ei voitu käsitellä. Virhe on kirjattu; kerro ylläpidolle tunniste trace_id.",
                },
            });
        }
    }

    internal static ProblemDetails Describe(BadHttpRequestException e)
    {
        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Pyyntö on liian suuri",
                Detail = $"Pyynnön runko saa olla enintään {Limits.RequestBodyBytes / 1024} KiB.",
            };
        }

        if (e.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "Väärä sisältötyyppi",
                Detail = "Pyynnön rungon pitää olla JSONia (Content-Type: application/json).",
            };
        }

        if (e.InnerException is JsonException json)
        {
            var field = FieldOf(json.Path);
            var message = field == "$"
                ? "Pyynnön runko ei ole kelvollista JSONia."
                : $"Kentän {field} arvo on väärää tyyppiä tai ei ole sallittu (esim. tuntematon vaihtoehto, virheellinen päivämäärä VVVV-KK-PP tai numero tekstinä).";
            return Validation(field, message);
        }

        var bind = BindFailure().Match(e.Message);
        if (bind.Success)
        {
            var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(bind.Groups["name"].Value);
            return Validation(name, $"Parametrin {name} arvo on virheellinen.");
        }

        if (e.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
            return Validation("$", "Pyynnön runko puuttuu; odotettiin JSON-oliota.");
        return new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Virheellinen pyyntö", Detail = "Pyyntöä ei voitu lukea." };
    }

    private static ValidationProblemDetails Validation(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Pyynnössä on virheellisiä kenttiä",
        };

    /// <summary><c>$.categories[1]</c> → <c>categories[1]</c>; the whole body is <c>$</c>.</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static string RouteOf(HttpContext context) =>
        (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";

    [GeneratedRegex("""Failed to bind parameter "[^"]*? (?<name>\w+)" from""")]
    private static partial Regex BindFailure();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} in {Method} {Route} (trace {TraceId})\n{StackTrace}")]
    private partial void LogUnhandled(string exceptionType, string method, string route, string traceId, string stackTrace);
}

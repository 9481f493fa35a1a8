using System.Diagnostics;
using System.Security.Claims;

namespace SosRap.Api.Hosting;

/// <summary>
/// One log line per request with the route pattern (never the path or query string, which may hold
/// search words), the status, the time and the user id. ASP.NET's own request logging is turned
/// down to warnings (see <see cref="SosRapServiceExtensions"/>) so nothing else logs requests.
/// </summary>
internal sealed partial class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            if (!context.Request.Path.StartsWithSegments("/health"))
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? (context.Response.StatusCode == 404 ? "(no route)" : "(static)");
                LogRequest(context.Request.Method, route, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-");
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Route} -> {Status} in {ElapsedMs:0.0} ms (user {UserId})")]
    private partial void LogRequest(string method, string route, int status, double elapsedMs, string userId);
}

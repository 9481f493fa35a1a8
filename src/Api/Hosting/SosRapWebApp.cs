using System.Reflection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Scalar.AspNetCore;
using SosRap.Api.Endpoints;

namespace SosRap.Api.Hosting;

/// <summary>
/// Builds the web application of <c>sosrap serve</c>. The command and the tests use the same two
/// steps, so the tests run the real pipeline: <see cref="CreateBuilder"/> (configuration and
/// services) and <see cref="Build"/> (middleware and endpoints).
/// </summary>
internal static class SosRapWebApp
{
    /// <summary>A builder with every service registered; callers may add configuration or replace services before <see cref="Build"/>.</summary>
    /// <param name="settings">Values from the command line; they override configuration files and the environment.</param>
    /// <param name="args">Further <c>--key=value</c> configuration.</param>
    public static WebApplicationBuilder CreateBuilder(ServeSettings settings, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            EnvironmentName = settings.Environment,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(SosRapWebApp).Assembly.GetName().Name,
        });
        var overrides = new Dictionary<string, string?>();
        if (settings.Urls is not null) overrides["urls"] = settings.Urls;
        if (settings.Database is not null) overrides["ConnectionStrings:" + DatabaseTarget.ConnectionStringName] = settings.Database;
        if (settings.DataDirectory is not null) overrides["SosRap:DataDirectory"] = settings.DataDirectory;
        if (settings.SampleData is { } sample) overrides["SosRap:Demo:SampleData"] = sample ? "true" : "false";
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.AddSosRap();
        return builder;
    }

    /// <summary>Builds the application: error handling, security headers, request log, the UI, authentication, and every endpoint.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        app.UseMiddleware<RequestErrorMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseStatusCodePages();
        UseUi(app);
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapReportsApi();
        app.MapSuggestApi();
        app.MapFeedbackApi();
        app.MapThemesApi();
        app.MapTaxonomyApi();
        app.MapStatisticsApi();
        app.MapExportApi();
        app.MapAuditApi();
        app.MapUsersApi();
        app.MapMetaApi();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("SosRap API")).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }

    /// <summary>The Finnish web UI: plain HTML, JS and CSS embedded in the assembly, served as UTF-8.</summary>
    private static void UseUi(WebApplication app)
    {
        var files = new EmbeddedFileProvider(Assembly.GetExecutingAssembly(), "SosRap.Api.Ui");
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".html"] = "text/html; charset=utf-8";
        types.Mappings[".js"] = "text/javascript; charset=utf-8";
        types.Mappings[".css"] = "text/css; charset=utf-8";
        types.Mappings[".svg"] = "image/svg+xml";
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = "" });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
        });
    }
}

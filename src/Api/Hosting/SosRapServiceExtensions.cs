using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Services;
using SosRap.Api.Storage;
using SosRap.Pipeline.Text;
using SosRap.Pipeline.Text.Pii;

namespace SosRap.Api.Hosting;

/// <summary>Every service registration of <c>sosrap serve</c>, in one place.</summary>
internal static class SosRapServiceExtensions
{
    /// <summary>Registers the database, authentication, policies, JSON, validation, OpenAPI, health checks and the application services.</summary>
    public static WebApplicationBuilder AddSosRap(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // Settings, validated once at start; Production refuses to start without an administrator key.
        services.AddOptions<SosRapOptions>().Bind(configuration.GetSection(SosRapOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SosRapOptions>, SosRapOptionsValidator>();
        var settings = configuration.GetSection(SosRapOptions.Section).Get<SosRapOptions>() ?? new SosRapOptions();
        var database = DatabaseTarget.Resolve(configuration, settings.DataDirectory, settings.Database.Provider);
        services.AddSingleton(database);
        services.AddDatabase(database);

        ConfigureLogging(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = Limits.RequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });

        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsConventions.Apply);
        services.AddValidation();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));

        services.AddAuthentication(ApiKeys.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeys.Scheme, _ => { });
        Policies.Add(services.AddAuthorizationBuilder());
        services.AddSingleton<ApiKeyValidator>();

        services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySecurityTransformer>());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        services.AddTextAnalysis(settings.Redaction);
        if (settings.Analysis.Enabled) services.AddAnalysis();
        else services.AddAnalysisPlaceholders();
        services.AddSingleton<SupportNeedCatalog>();
        services.AddSingleton<TaxonomyCache>();
        services.AddSingleton<IReportCorpus, DbReportCorpus>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddScoped<ReportTexts>();
        services.AddScoped<AuditLog>();
        services.AddScoped<TaxonomyService>();
        services.AddScoped<ReportService>();
        services.AddScoped<StatisticsService>();
        services.AddScoped<ExportService>();
        services.AddScoped<UserService>();
        services.AddScoped<AuditReader>();
        return builder;
    }

    /// <summary>The API's JSON: snake_case names and enum values (as in the report files), no integer enums, no numbers in strings, bounded depth.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MaxDepth = 16;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
    }

    private static void AddDatabase(this IServiceCollection services, DatabaseTarget database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContextPool<SqliteSosRapDbContext>(o => o
                .UseSqlite(database.ConnectionString)
                .AddInterceptors(new SqlitePragmas()));
            services.AddScoped<SosRapDbContext>(sp => sp.GetRequiredService<SqliteSosRapDbContext>());
            services.AddSingleton<IReportInserter, ReportInsertQueue>();
        }
        else
        {
            services.AddDbContextPool<PostgresSosRapDbContext>(o => o.UseNpgsql(database.ConnectionString));
            services.AddScoped<SosRapDbContext>(sp => sp.GetRequiredService<PostgresSosRapDbContext>());
            services.AddScoped<IReportInserter, DirectReportInserter>();
        }
    }

    /// <summary>The pipeline's text stages: PII redaction, Finnish tokenizer, Voikko lemmatizer, stopwords, and the lemma index built on them.</summary>
    private static void AddTextAnalysis(this IServiceCollection services, RedactionOptions redaction)
    {
        services.AddSingleton<IPiiRedactor>(_ => new PiiRedactor(new PiiRedactorOptions
        {
            AdditionalFirstNames = redaction.AdditionalFirstNames,
            AdditionalNonNames = redaction.AdditionalNonNames,
        }));
        services.AddSingleton<IReportRedactor, PiiReportRedactor>();
        services.AddSingleton<ITokenizer, FinnishTokenizer>();
        services.AddSingleton<VoikkoLemmatizer>();
        services.AddSingleton<ILemmatizer>(sp => sp.GetRequiredService<VoikkoLemmatizer>());
        services.AddSingleton(Stopwords.Default);
        services.AddSingleton(sp => new TextAnalyzer(sp.GetRequiredService<ITokenizer>(), sp.GetRequiredService<ILemmatizer>(), sp.GetRequiredService<Stopwords>()));
        services.AddSingleton<ILemmaIndexer, AnalyzerLemmaIndexer>();
    }

    /// <summary>
    /// The analysis pipeline: similarity search (LSA + exact index), the suggestion model and the
    /// clusters, prepared in the background after start (<see cref="AnalysisStartup"/>).
    /// </summary>
    private static void AddAnalysis(this IServiceCollection services)
    {
        services.AddSingleton<LsaSimilarReportService>();
        services.AddSingleton<ModelSuggestionService>();
        services.AddSingleton<ClusteringThemeService>();
        services.AddSingleton<ISimilarReportService>(sp => sp.GetRequiredService<LsaSimilarReportService>());
        services.AddSingleton<ISuggestionService>(sp => sp.GetRequiredService<ModelSuggestionService>());
        services.AddSingleton<IThemeService>(sp => sp.GetRequiredService<ClusteringThemeService>());
        services.AddHostedService<AnalysisStartup>();
    }

    /// <summary>With <c>SosRap:Analysis:Enabled</c> off, suggestions, similarity and themes answer "not in use".</summary>
    private static void AddAnalysisPlaceholders(this IServiceCollection services)
    {
        services.AddSingleton<UnavailableAnalysis>();
        services.AddSingleton<ISuggestionService>(sp => sp.GetRequiredService<UnavailableAnalysis>());
        services.AddSingleton<ISimilarReportService>(sp => sp.GetRequiredService<UnavailableAnalysis>());
        services.AddSingleton<IThemeService>(sp => sp.GetRequiredService<UnavailableAnalysis>());
    }

    /// <summary>
    /// Nothing below Warning from ASP.NET Core's hosting, routing and HTTP logging (they would log
    /// paths and query strings) or from EF Core's commands; the service logs one line per request
    /// itself, with the route pattern and ids only.
    /// </summary>
    private static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.None);
        logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Error);

        // The service sets no cookies, so data protection keys are never used for anything.
        logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

        // "was challenged" / "was forbidden" per request; the request log line already has the status.
        logging.AddFilter(typeof(ApiKeyAuthenticationHandler).FullName, LogLevel.Warning);
    }
}

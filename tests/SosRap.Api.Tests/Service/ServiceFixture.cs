using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SosRap.Api.Hosting;

namespace SosRap.Api.Tests.Service;

/// <summary>
/// The real service on a real Kestrel socket (127.0.0.1, free port), built exactly as
/// <c>sosrap serve</c> builds it, in the Production environment with a configured administrator
/// key. The fixture creates one user per role through the administrator API and gives each an
/// <see cref="HttpClient"/> carrying its key. Subclasses choose the database.
/// </summary>
public abstract class ServiceFixture : IAsyncLifetime
{
    /// <summary>Service areas of the test users: A is handled by lead-a, B by lead-b.</summary>
    public const string AreaA = "Aikuissosiaalityö";
    public const string AreaB = "Ikääntyneiden palvelut";

    private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _userIds = new(StringComparer.Ordinal);
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "sosrap-test-" + Guid.NewGuid().ToString("N"));

    public string AdminKey { get; } = "admin-" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>A client without any key.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>The keys of the test users, by user name.</summary>
    public Dictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The users: <c>worker-a</c>, <c>worker-b</c> (tyontekija), <c>lead-a</c>, <c>lead-b</c>
    /// (esihenkilo of area A / B), <c>group</c> (tyoryhma), <c>researcher</c> (tutkija), <c>admin</c> (yllapitaja).
    /// </summary>
    public static readonly IReadOnlyList<(string Name, string Role, string[] Areas)> Users =
    [
        ("worker-a", "tyontekija", [AreaA]),
        ("worker-b", "tyontekija", [AreaB]),
        ("lead-a", "esihenkilo", [AreaA]),
        ("lead-b", "esihenkilo", [AreaB]),
        ("group", "tyoryhma", []),
        ("researcher", "tutkija", []),
    ];

    /// <summary>The folder of the service's data (and of the SQLite database).</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>Why this fixture cannot run here (PostgreSQL missing), or null.</summary>
    public virtual string? Unavailable => null;

    public HttpClient Client(string user) => _clients[user];

    public Guid UserId(string user) => _userIds[user];

    /// <summary>The database connection string (PostgreSQL) or SQLite file path.</summary>
    protected abstract Task<string> CreateDatabaseAsync(CancellationToken cancellationToken);

    /// <summary>Replaces services before the application is built (analysis seams in the seam tests).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>The hosting environment the service runs in.</summary>
    protected virtual string EnvironmentName => "Production";

    /// <summary>Extra configuration values.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Configuration() => [];

    public virtual async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(_dataDirectory);
        var database = await CreateDatabaseAsync(cancellationToken);
        var builder = SosRapWebApp.CreateBuilder(new ServeSettings
        {
            Urls = "http://127.0.0.1:0",
            Database = database,
            DataDirectory = _dataDirectory,
            Environment = EnvironmentName,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["SosRap:Auth:AdminApiKey"] = AdminKey }.Concat(Configuration()));
        builder.Logging.AddProvider(Logs);
        ConfigureServices(builder.Services);
        App = SosRapWebApp.Build(builder);
        await App.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        await App.StartAsync(cancellationToken);
        BaseAddress = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Anonymous = NewClient(null);

        var admin = NewClient(AdminKey);
        _clients["admin"] = admin;
        Keys["admin"] = AdminKey;
        var me = await admin.GetJsonAsync("/api/me", cancellationToken);
        _userIds["admin"] = Guid.Parse(me.Body["id"]!.GetValue<string>());
        foreach (var (name, role, areas) in Users)
        {
            var user = await admin.PostJsonAsync("/api/users", new { name, role, service_areas = areas }, cancellationToken);
            if (user.Code != 201) throw new InvalidOperationException("Creating a test user failed: " + user);
            var id = user.Body["id"]!.GetValue<string>();
            var key = await admin.PostJsonAsync($"/api/users/{id}/keys", new { label = "test" }, cancellationToken);
            if (key.Code != 201) throw new InvalidOperationException("Creating a test key failed: " + key);
            Keys[name] = key.Body["key"]!.GetValue<string>();
            _userIds[name] = Guid.Parse(id);
            _clients[name] = NewClient(Keys[name]);
        }
    }

    /// <summary>A client that sends <paramref name="key"/> in <c>X-Api-Key</c> (none when null).</summary>
    public HttpClient NewClient(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>Submits a valid report as <paramref name="user"/> and returns its JSON.</summary>
    public async Task<JsonNode> SubmitAsync(string user, string? phenomenon = null, string? area = null, string[]? categories = null,
        string? reportedAt = null, string? municipality = "Kajaani", string kind = "epakohta")
    {
        var reply = await Client(user).PostJsonAsync("/api/reports", new
        {
            phenomenon = phenomenon ?? "Vuokranantajat eivät hyväksy Kelan maksusitoumusta vuokravakuudeksi, ja asunto menee ohi.",
            proposal = "",
            municipality,
            service_area = area ?? (user.EndsWith("-b", StringComparison.Ordinal) ? AreaB : AreaA),
            reported_at = reportedAt ?? "2025-03-10",
            kind,
            categories = categories ?? ["asuminen"],
        }, TestContext.Current.CancellationToken);
        if (reply.Code != 201) throw new InvalidOperationException("Submitting a test report failed: " + reply);
        return reply.Body;
    }

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var c in _clients.Values) c.Dispose();
        Anonymous?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The service on a fresh SQLite file.</summary>
public class SqliteService : ServiceFixture
{
    protected override Task<string> CreateDatabaseAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Path.Combine(DataDirectory, "test.db"));
}

/// <summary>The service on a fresh database of the shared test PostgreSQL server.</summary>
public class PostgresService : ServiceFixture
{
    public override string? Unavailable => PostgresServer.Unavailable;

    public override async ValueTask InitializeAsync()
    {
        if (PostgresServer.Unavailable is not null) return;
        await base.InitializeAsync();
    }

    protected override async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken) =>
        await (await PostgresServer.GetAsync(cancellationToken)).CreateDatabaseAsync(cancellationToken);
}

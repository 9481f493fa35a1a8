using Microsoft.Data.Sqlite;

namespace SosRap.Api.Hosting;

/// <summary>The database the service uses: the provider and its connection string, resolved once at start.</summary>
internal sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringName = "SosRap";

    /// <summary>
    /// <c>ConnectionStrings:SosRap</c> when given (<c>Host=…</c> → PostgreSQL, <c>Data Source=…</c> or a file
    /// path → SQLite; <c>SosRap:Database:Provider</c> overrides the guess), else the SQLite file
    /// <c>sosrap.db</c> in the data directory, which is created.
    /// </summary>
    public static DatabaseTarget Resolve(IConfiguration configuration, string dataDirectory, string explicitProvider)
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(configured))
        {
            var directory = Path.GetFullPath(dataDirectory);
            Directory.CreateDirectory(directory);
            return Sqlite(Path.Combine(directory, "sosrap.db"));
        }

        var provider = explicitProvider switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" => DatabaseProvider.Postgres,
            _ => LooksLikePostgres(configured) ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite,
        };
        if (provider == DatabaseProvider.Postgres) return new DatabaseTarget(provider, configured);
        if (configured.Contains('=', StringComparison.Ordinal))
        {
            var builder = new SqliteConnectionStringBuilder(configured);
            var file = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(file)) Directory.CreateDirectory(file);
            return new DatabaseTarget(provider, builder.ToString());
        }

        var path = Path.GetFullPath(configured);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return Sqlite(path);
    }

    /// <summary>Where the data lives, for the start-up message (no password).</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite) return "SQLite " + new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var b = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }

    private static DatabaseTarget Sqlite(string path) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString());

    private static bool LooksLikePostgres(string connectionString) =>
        connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase)
        || connectionString.Contains("Server=", StringComparison.OrdinalIgnoreCase);
}

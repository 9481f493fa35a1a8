namespace SosRap.Api.Hosting;

/// <summary>The two supported databases.</summary>
internal enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

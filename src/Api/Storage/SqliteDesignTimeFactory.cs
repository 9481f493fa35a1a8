using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SosRap.Api.Storage;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build each provider's context without starting the service:
/// <c>dotnet ef migrations add NAME --project src/Api --context SqliteSosRapDbContext --output-dir Storage/Migrations/Sqlite</c>
/// (and <c>PostgresSosRapDbContext</c> → <c>Storage/Migrations/Postgres</c>). No database is contacted.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSosRapDbContext>
{
    public SqliteSosRapDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSosRapDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

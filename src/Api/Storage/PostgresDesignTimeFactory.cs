using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SosRap.Api.Storage;

/// <summary>The PostgreSQL counterpart of <see cref="SqliteDesignTimeFactory"/>.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSosRapDbContext>
{
    public PostgresSosRapDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSosRapDbContext>().UseNpgsql("Host=localhost;Database=sosrap_design").Options);
}

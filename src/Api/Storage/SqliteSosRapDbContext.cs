using Microsoft.EntityFrameworkCore;

namespace SosRap.Api.Storage;

/// <summary>The SQLite flavour of <see cref="SosRapDbContext"/>; its migrations are in <c>Storage/Migrations/Sqlite</c>.</summary>
internal sealed class SqliteSosRapDbContext(DbContextOptions<SqliteSosRapDbContext> options) : SosRapDbContext(options);

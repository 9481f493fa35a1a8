using Microsoft.EntityFrameworkCore;

namespace SosRap.Api.Storage;

/// <summary>The PostgreSQL flavour of <see cref="SosRapDbContext"/>; its migrations are in <c>Storage/Migrations/Postgres</c>.</summary>
internal sealed class PostgresSosRapDbContext(DbContextOptions<PostgresSosRapDbContext> options) : SosRapDbContext(options);

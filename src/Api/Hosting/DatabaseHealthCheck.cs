using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SosRap.Api.Storage;

namespace SosRap.Api.Hosting;

/// <summary>Ready only when the database answers a query on the service's own schema.</summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SosRapDbContext>();
            var versions = await db.TaxonomyVersions.CountAsync(cancellationToken);
            return versions > 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database has no taxonomy yet.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer: " + e.GetType().Name);
        }
    }
}

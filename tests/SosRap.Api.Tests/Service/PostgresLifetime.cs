[assembly: AssemblyFixture(typeof(SosRap.Api.Tests.Service.PostgresLifetime))]

namespace SosRap.Api.Tests.Service;

/// <summary>Stops the shared PostgreSQL test server when the test assembly is done.</summary>
public sealed class PostgresLifetime : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await PostgresServer.StopSharedAsync();
}

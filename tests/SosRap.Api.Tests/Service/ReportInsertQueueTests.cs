using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SosRap.Api.Contracts;
using SosRap.Api.Storage;

namespace SosRap.Api.Tests.Service;

/// <summary>Group commit on SQLite: concurrent reports share a transaction, and one bad report does not fail the others.</summary>
public sealed class ReportInsertQueueTests(SqliteService fixture) : IClassFixture<SqliteService>
{
    private static ReportEntity Report(string id) => new()
    {
        Id = id,
        AuthorId = Guid.NewGuid(),
        Phenomenon = "Jonotesti.",
        ServiceArea = "A",
        ReportedAt = new DateOnly(2025, 1, 1),
        State = ReportState.Uusi,
        TaxonomyVersion = 1,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
        Version = 1,
    };

    private static AuditEntryEntity Audit(string id) => new() { At = DateTime.UtcNow, Action = "test", EntityType = "report", EntityId = id };

    [Fact]
    public async Task Sqlite_uses_the_queue_and_a_duplicate_fails_alone()
    {
        var queue = fixture.App.Services.GetRequiredService<IReportInserter>();
        Assert.IsType<ReportInsertQueue>(queue);
        var existing = "Q-" + Guid.NewGuid().ToString("N");
        await queue.InsertAsync(Report(existing), Audit(existing), TestContext.Current.CancellationToken);

        var good = Enumerable.Range(0, 50).Select(_ => "Q-" + Guid.NewGuid().ToString("N")).ToList();
        var tasks = good.Select(id => queue.InsertAsync(Report(id), Audit(id), CancellationToken.None)).ToList();
        var duplicate = queue.InsertAsync(Report(existing), Audit(existing), CancellationToken.None);
        await Task.WhenAll(tasks);
        await Assert.ThrowsAsync<DbUpdateException>(() => duplicate);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SosRapDbContext>();
        Assert.Equal(good.Count, await db.Reports.CountAsync(r => good.Contains(r.Id), TestContext.Current.CancellationToken));
        Assert.Equal(good.Count + 1, await db.Audit.CountAsync(a => a.Action == "test", TestContext.Current.CancellationToken));
    }
}

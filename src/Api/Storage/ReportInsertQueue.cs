using System.Threading.Channels;

namespace SosRap.Api.Storage;

/// <summary>
/// Group commit for new reports on SQLite. SQLite has one writer and every commit waits for an
/// fsync (a few milliseconds), so committing each report on its own caps the service at a few
/// hundred submissions a second and makes them queue for the lock. Instead, submissions wait
/// here; one writer takes everything that has arrived, stores it in one transaction — one fsync —
/// and only then tells each request its report is stored. A 2xx is therefore still sent only
/// after the report is durably on disk. If a batch fails, its reports are retried one by one, so
/// one bad report cannot fail the others.
/// </summary>
internal sealed partial class ReportInsertQueue : IReportInserter, IAsyncDisposable
{
    private const int MaxBatch = 256;
    private readonly Channel<Pending> _channel = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<ReportInsertQueue> _logger;
    private readonly Task _writer;

    public ReportInsertQueue(IServiceScopeFactory scopes, ILogger<ReportInsertQueue> logger)
    {
        _scopes = scopes;
        _logger = logger;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Stores the report and its audit entry; completes once they are committed.</summary>
    public Task InsertAsync(ReportEntity report, AuditEntryEntity audit, CancellationToken cancellationToken)
    {
        var pending = new Pending(report, audit, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_channel.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(ReportInsertQueue));
        return pending.Done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _channel.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _channel.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0) continue;
            try
            {
                await SaveAsync(batch).ConfigureAwait(false);
                foreach (var p in batch) p.Done.TrySetResult();
            }
            catch (Exception) when (batch.Count > 1)
            {
                LogBatchFailed(batch.Count);
                foreach (var p in batch) await SaveOneAsync(p).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                batch[0].Done.TrySetException(e);
            }
        }
    }

    private async Task SaveOneAsync(Pending pending)
    {
        try
        {
            await SaveAsync([pending]).ConfigureAwait(false);
            pending.Done.TrySetResult();
        }
        catch (Exception e)
        {
            pending.Done.TrySetException(e);
        }
    }

    private async Task SaveAsync(IReadOnlyList<Pending> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SosRapDbContext>();
        foreach (var p in batch)
        {
            db.Reports.Add(p.Report);
            db.Audit.Add(p.Audit);
        }

        // The queue, not the request, owns the write: a client that disconnects does not undo a commit half-way.
        await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private sealed record Pending(ReportEntity Report, AuditEntryEntity Audit, TaskCompletionSource Done);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} new reports failed; storing them one by one")]
    private partial void LogBatchFailed(int count);
}

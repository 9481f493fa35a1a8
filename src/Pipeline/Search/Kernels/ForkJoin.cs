using System.Runtime.ExceptionServices;

namespace SosRap.Pipeline.Search.Kernels;

/// <summary>Work split into numbered chunks; <see cref="Execute"/> may run on several threads at once.</summary>
internal interface IChunkBody
{
    /// <summary>Runs chunk <paramref name="chunk"/> on the thread that holds worker slot <paramref name="worker"/> (unique per thread within a run, less than the thread count).</summary>
    void Execute(int chunk, int worker);
}

/// <summary>
/// A fork-join over the thread pool that allocates nothing per run: the runner itself is the
/// queued work item, chunks are claimed with an interlocked counter (so the calling thread does
/// all the work when pool threads are slow to start on a busy machine), and the caller waits
/// only for chunks already claimed by others. A runner is reused only once every queued copy of
/// it has finished (<see cref="IsIdle"/>).
/// </summary>
internal sealed class ForkJoin : IThreadPoolWorkItem
{
    private readonly ManualResetEventSlim _finished = new(false, spinCount: 0);
    private IChunkBody? _body;
    private int _chunks;
    private int _next;
    private int _done;
    private int _workers;
    private int _pending;
    private ExceptionDispatchInfo? _error;

    /// <summary>True when no queued copy of this runner is still to run.</summary>
    public bool IsIdle => Volatile.Read(ref _pending) == 0;

    /// <summary>Runs chunks 0..<paramref name="chunks"/>-1 on at most <paramref name="threads"/> threads.</summary>
    public void Run(IChunkBody body, int chunks, int threads)
    {
        _body = body;
        _chunks = chunks;
        _next = 0;
        _done = 0;
        _workers = 0;
        _error = null;
        _finished.Reset();
        var helpers = Math.Min(threads, chunks) - 1;
        for (var i = 0; i < helpers; i++)
        {
            Interlocked.Increment(ref _pending);
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        Drain();
        if (Volatile.Read(ref _done) != chunks)
        {
            var spin = new SpinWait();
            while (Volatile.Read(ref _done) != chunks && !spin.NextSpinWillYield) spin.SpinOnce();
            if (Volatile.Read(ref _done) != chunks) _finished.Wait();
        }
        _body = null;
        _error?.Throw();
    }

    void IThreadPoolWorkItem.Execute()
    {
        try
        {
            Drain();
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    private void Drain()
    {
        var body = _body;
        var chunks = _chunks;
        if (body is null || Volatile.Read(ref _next) >= chunks) return;
        var worker = Interlocked.Increment(ref _workers) - 1;
        int chunk;
        while ((chunk = Interlocked.Increment(ref _next) - 1) < chunks)
        {
            try
            {
                body.Execute(chunk, worker);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(e), null);
            }
            if (Interlocked.Increment(ref _done) == chunks) _finished.Set();
        }
    }
}

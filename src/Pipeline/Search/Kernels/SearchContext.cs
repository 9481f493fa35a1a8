namespace SosRap.Pipeline.Search.Kernels;

/// <summary>
/// Per-thread scratch of an index: the normalised query, its int8 form, the short list and the
/// fork-join jobs. Allocated once per thread (and grown when k grows), so a search allocates
/// nothing. The arrays are pinned so kernels on other threads can use their pointers.
/// </summary>
internal sealed class SearchContext
{
    public SearchContext(int dimension, int groups)
    {
        Query = GC.AllocateArray<float>(dimension, pinned: true);
        Query8 = GC.AllocateArray<int>(groups, pinned: true);
    }

    public float[] Query { get; }
    public int[] Query8 { get; }
    public int[] ShortlistScores { get; private set; } = [];
    public int[] ShortlistRows { get; private set; } = [];
    public float[] ShortlistExact { get; private set; } = [];
    private readonly ForkJoin[] _runners = [new(), new()];
    public ScanJob Scan { get; } = new();
    public BatchJob Batch { get; } = new();

    /// <summary>
    /// A runner with no work item of an earlier call still queued, or null. Back-to-back calls
    /// often find the previous call's helper thread still returning, hence two runners. When
    /// neither is idle, the helpers queued by earlier calls have not even started: the machine
    /// is oversubscribed, and the caller is better off scanning alone (allocation-free).
    /// </summary>
    public ForkJoin? IdleRunner()
    {
        foreach (var runner in _runners)
            if (runner.IsIdle) return runner;
        return null;
    }

    /// <summary>Runs <paramref name="chunks"/> chunks of <paramref name="job"/> on up to <paramref name="threads"/> threads.</summary>
    public void Run(IChunkBody job, int chunks, int threads)
    {
        var runner = threads > 1 && chunks > 1 ? IdleRunner() : null;
        if (runner is not null)
        {
            runner.Run(job, chunks, threads);
            return;
        }
        for (var chunk = 0; chunk < chunks; chunk++) job.Execute(chunk, 0);
    }

    public void EnsureShortlist(int n)
    {
        if (ShortlistRows.Length >= n) return;
        ShortlistScores = new int[n];
        ShortlistRows = new int[n];
        ShortlistExact = new float[n];
    }
}

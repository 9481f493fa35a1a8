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
    private readonly List<ForkJoin> _runners = [new()];
    public ScanJob Scan { get; } = new();
    public BatchJob Batch { get; } = new();

    /// <summary>
    /// A runner with no work item of an earlier call still queued. Back-to-back calls often find
    /// the previous call's helper thread still returning; a second runner (rarely a third) is
    /// kept for that, so steady-state calls allocate nothing.
    /// </summary>
    public ForkJoin IdleRunner()
    {
        foreach (var runner in _runners)
            if (runner.IsIdle) return runner;
        var fresh = new ForkJoin();
        if (_runners.Count < 8) _runners.Add(fresh);
        return fresh;
    }

    public void EnsureShortlist(int n)
    {
        if (ShortlistRows.Length >= n) return;
        ShortlistScores = new int[n];
        ShortlistRows = new int[n];
        ShortlistExact = new float[n];
    }
}

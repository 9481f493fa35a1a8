using System.Buffers;
using System.Globalization;
using SosRap.Pipeline.Search.Kernels;

namespace SosRap.Pipeline.Search;

public sealed unsafe partial class FlatIndex
{
    /// <inheritdoc/>
    public int Search(ReadOnlySpan<float> query, int k, Span<int> rows, Span<float> scores, SearchOptions? options = null)
    {
        ThrowIfDisposed();
        CheckK(k);
        CheckOutput(rows.Length, scores.Length, k, 1);
        options ??= SearchOptions.Default;
        var context = _contexts.Value!;
        VectorValidation.Normalize(query, context.Query, Dimension, nameof(query), null, -1);
        int found;
        fixed (float* q = context.Query)
        {
            var gate = Gate(options.Filter);
            var threads = Threads(options.MaxThreads);
            found = Count == 0 ? 0
                : _int8 is not null && !options.Exact ? SearchInt8(context, q, k, rows, scores, gate, threads, options.RerankCandidates)
                : SearchFloat(context, q, k, rows, scores, gate, threads);
        }
        GC.KeepAlive(options.Filter);
        Pad(rows, scores, found, k);
        return found;
    }

    /// <inheritdoc/>
    public void SearchBatch(ReadOnlySpan<float> queries, int k, Span<int> rows, Span<float> scores, SearchOptions? options = null)
    {
        ThrowIfDisposed();
        CheckK(k);
        var d = Dimension;
        var n = VectorValidation.BatchCount(queries, d, nameof(queries));
        CheckOutput(rows.Length, scores.Length, k, n);
        if (n == 0) return;
        options ??= SearchOptions.Default;
        if (n == 1)
        {
            Search(queries, k, rows[..k], scores[..k], options);
            return;
        }
        var normalized = ArrayPool<float>.Shared.Rent(n * d);
        var counts = ArrayPool<int>.Shared.Rent(n);
        try
        {
            for (var i = 0; i < n; i++)
                VectorValidation.Normalize(queries.Slice(i * d, d), normalized.AsSpan(i * d, d), d, nameof(queries), null, i);
            Array.Clear(counts, 0, n);
            var gate = Gate(options.Filter);
            var threads = Threads(options.MaxThreads);
            // Tiny problems are not worth waking other threads for.
            if ((long)n * Store.PanelCount * (long)Store.PanelBytes < 4 * ParallelMinBytes) threads = 1;
            var context = _contexts.Value!;
            var job = context.Batch;
            fixed (float* q = normalized)
            fixed (int* outRows = rows)
            fixed (float* outScores = scores)
            fixed (int* c = counts)
            {
                job.Level = _simd;
                job.Data = Store.Data;
                job.Dimension = d;
                job.Panels = Count == 0 ? 0 : Store.PanelCount;
                job.Queries = q;
                job.QueryCount = n;
                job.K = k;
                job.Gate = gate;
                job.OutScores = outScores;
                job.OutRows = outRows;
                job.OutCounts = c;
                var chunks = job.Prepare(threads);
                context.Run(job, chunks, threads);
                for (var i = 0; i < n; i++)
                {
                    var r = rows.Slice(i * k, k);
                    var s = scores.Slice(i * k, k);
                    var top = new TopK<float>(s, r, k, job.SplitRows ? 0 : counts[i]);
                    if (job.SplitRows) job.MergeInto(i, ref top);
                    Pad(r, s, top.SortBestFirst(), k);
                }
                job.Queries = null;
                job.OutScores = null;
                job.OutRows = null;
                job.OutCounts = null;
            }
            GC.KeepAlive(options.Filter);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(normalized);
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    /// <inheritdoc/>
    public KnnGraph BuildKnnGraph(int k, int maxThreads = 0, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        CheckK(k);
        ArgumentOutOfRangeException.ThrowIfNegative(maxThreads);
        var n = RowCount;
        var neighbors = new int[(long)n * k];
        var scores = new float[(long)n * k];
        if (n == 0) return new KnnGraph(0, k, neighbors, scores);
        var threads = Threads(maxThreads);
        var job = new KnnJob(_simd, Store.Data, Dimension, n, k, Gate(null), threads)
        {
            Progress = progress,
            Cancellation = cancellationToken,
        };
        if (threads == 1)
        {
            for (var b = 0; b < job.Blocks; b++) job.Execute(b, 0);
        }
        else
        {
            new ForkJoin().Run(job, job.Blocks, threads);
        }
        cancellationToken.ThrowIfCancellationRequested();
        for (var row = 0; row < n; row++)
        {
            var r = neighbors.AsSpan(row * k, k);
            var s = scores.AsSpan(row * k, k);
            var top = new TopK<float>(s, r, k);
            job.MergeInto(row, ref top);
            Pad(r, s, top.SortBestFirst(), k);
        }
        return new KnnGraph(n, k, neighbors, scores);
    }

    private int SearchFloat(SearchContext context, float* q, int k, Span<int> rows, Span<float> scores, in RowGate gate, int threads)
    {
        var top = new TopK<float>(scores, rows, k);
        var panels = Store.PanelCount;
        if (threads <= 1 || (long)panels * (long)Store.PanelBytes < ParallelMinBytes)
        {
            FloatScan.Scan(_simd, Store.Data, Dimension, 0, panels, q, ref top, gate);
        }
        else
        {
            var job = context.Scan;
            job.Int8 = false;
            job.Level = _simd;
            job.Data = Store.Data;
            job.Dimension = Dimension;
            job.Query = q;
            job.Gate = gate;
            var chunks = job.Prepare(k, panels, (long)Store.PanelBytes, ParallelChunkBytes, threads);
            context.Run(job, chunks, threads);
            job.MergeInto(ref top);
            job.Query = null;
        }
        return top.SortBestFirst();
    }

    private int SearchInt8(SearchContext context, float* q, int k, Span<int> rows, Span<float> scores, in RowGate gate, int threads, int candidates)
    {
        var int8 = _int8!;
        var r = candidates > 0 ? candidates : Math.Max(k * _options.RerankFactor, _options.MinRerankCandidates);
        r = Math.Max(r, k);
        context.EnsureShortlist(r);
        int8.EncodeQuery(context.Query, context.Query8);
        var shortlist = new TopK<int>(context.ShortlistScores, context.ShortlistRows, r);
        var panels = Store.PanelCount;
        fixed (int* q8 = context.Query8)
        {
            if (threads <= 1 || (long)panels * (long)int8.PanelBytes < ParallelMinBytes)
            {
                Int8Scan.Scan(_vnni, _simd, int8.Codes, int8.Groups, 0, panels, q8, ref shortlist, gate);
            }
            else
            {
                var job = context.Scan;
                job.Int8 = true;
                job.Vnni = _vnni;
                job.Level = _simd;
                job.Codes = int8.Codes;
                job.Groups = int8.Groups;
                job.Query8 = q8;
                job.Gate = gate;
                var chunks = job.Prepare(r, panels, (long)int8.PanelBytes, ParallelChunkBytes, threads);
                context.Run(job, chunks, threads);
                job.MergeInto(ref shortlist);
                job.Query8 = null;
            }
        }
        // Exact re-ranking of the short list with the float32 rows: the same scores (to the bit)
        // as the exact scan gives these rows. Sorted rows read the panels in memory order.
        var list = context.ShortlistRows.AsSpan(0, shortlist.Count);
        list.Sort();
        var exact = context.ShortlistExact.AsSpan(0, list.Length);
        FloatScan.ScoreRows(_simd, Store.Data, Dimension, RowCount, list, q, exact);
        var top = new TopK<float>(scores, rows, k);
        for (var i = 0; i < list.Length; i++) top.TryInsert(exact[i], list[i]);
        return top.SortBestFirst();
    }

    private int Threads(int requested) =>
        requested > 0 ? requested : _options.MaxThreads > 0 ? _options.MaxThreads : Environment.ProcessorCount;

    private static void CheckK(int k)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "k must be at least 1");
    }

    private static void CheckOutput(int rowsLength, int scoresLength, int k, int queries)
    {
        var need = (long)k * queries;
        if (rowsLength < need)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the rows buffer holds {rowsLength} entries; {queries} × k = {need} are needed"), "rows");
        if (scoresLength < need)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the scores buffer holds {scoresLength} entries; {queries} × k = {need} are needed"), "scores");
    }

    private static void Pad(Span<int> rows, Span<float> scores, int found, int k)
    {
        rows[found..k].Fill(-1);
        scores[found..k].Fill(float.NegativeInfinity);
    }
}

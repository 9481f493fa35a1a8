using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Embeddings;

/// <summary>
/// Embeds or analyses a whole corpus on all cores, with progress and cancellation: the one way a
/// fit, an index build or a clustering run turns many texts into vectors with any
/// <see cref="IEmbedder"/>. Texts are cut into blocks that threads take in turn; the result is in
/// input order and does not depend on the number of threads.
/// </summary>
public static class EmbeddingBatch
{
    private const int Block = 64;

    /// <summary>Analyses and embeds every text into one flat <c>texts.Count × embedder.Dimension</c> array.</summary>
    /// <param name="embedder">Any embedder (LSA, the trained encoder, …); must be thread-safe, as every <see cref="IEmbedder"/> is.</param>
    /// <param name="analyzer">The analyzer the embedder expects its analyses from.</param>
    /// <param name="texts">The (redacted) texts.</param>
    /// <param name="progress">Receives the number of texts done, now and then and at the end (increasing).</param>
    /// <param name="cancellationToken">Stops the work; an <see cref="OperationCanceledException"/> follows.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; -1 for all cores.</param>
    public static EmbeddedCorpus EmbedAll(IEmbedder embedder, TextAnalyzer analyzer, IReadOnlyList<string> texts,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        return Embed(embedder, texts, i => analyzer.Analyze(texts[i]), progress, cancellationToken, maxDegreeOfParallelism);
    }

    /// <summary>Embeds texts whose analyses are already at hand (<paramref name="analyses"/>[i] belongs to <paramref name="texts"/>[i]).</summary>
    public static EmbeddedCorpus EmbedAll(IEmbedder embedder, IReadOnlyList<string> texts, IReadOnlyList<AnalyzedText> analyses,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(analyses);
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count != analyses.Count)
            throw new ArgumentException($"{texts.Count} texts but {analyses.Count} analyses.", nameof(analyses));
        return Embed(embedder, texts, i => analyses[i], progress, cancellationToken, maxDegreeOfParallelism);
    }

    /// <summary>Analyses every text in parallel; the result is in input order.</summary>
    public static AnalyzedText[] AnalyzeAll(TextAnalyzer analyzer, IReadOnlyList<string> texts,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(texts);
        var result = new AnalyzedText[texts.Count];
        ForBlocks(texts.Count, progress, cancellationToken, maxDegreeOfParallelism, i => result[i] = analyzer.Analyze(texts[i]));
        return result;
    }

    /// <summary>
    /// Analyses a stream of texts in parallel blocks of <paramref name="blockSize"/> and yields the
    /// analyses in input order, holding one block at a time — for fitting on corpora too large to
    /// keep analysed in memory.
    /// </summary>
    public static IEnumerable<AnalyzedText> AnalyzeStream(TextAnalyzer analyzer, IEnumerable<string> texts, int blockSize = 4096,
        CancellationToken cancellationToken = default, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        return Iterate();

        IEnumerable<AnalyzedText> Iterate()
        {
            var block = new List<string>(blockSize);
            foreach (var text in texts)
            {
                block.Add(text);
                if (block.Count < blockSize) continue;
                foreach (var a in AnalyzeAll(analyzer, block, null, cancellationToken, maxDegreeOfParallelism)) yield return a;
                block.Clear();
            }

            foreach (var a in AnalyzeAll(analyzer, block, null, cancellationToken, maxDegreeOfParallelism)) yield return a;
        }
    }

    private static EmbeddedCorpus Embed(IEmbedder embedder, IReadOnlyList<string> texts, Func<int, AnalyzedText> analysis,
        IProgress<int>? progress, CancellationToken cancellationToken, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(texts);
        var d = embedder.Dimension;
        if ((long)texts.Count * d > Array.MaxLength)
            throw new ArgumentException($"{texts.Count:N0} × {d} floats exceed one array; embed the corpus in parts.", nameof(texts));
        var vectors = new float[texts.Count * d];
        var embedded = new bool[texts.Count];
        ForBlocks(texts.Count, progress, cancellationToken, maxDegreeOfParallelism,
            i => embedded[i] = embedder.TryEmbed(texts[i], analysis(i), vectors.AsSpan(i * d, d)));
        return new EmbeddedCorpus(vectors, embedded, d);
    }

    private static void ForBlocks(int count, IProgress<int>? progress, CancellationToken cancellationToken, int maxDegreeOfParallelism, Action<int> body)
    {
        if (maxDegreeOfParallelism is 0 or < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use -1 (all cores) or a positive count.");
        var done = 0;
        var reported = 0;
        var gate = new Lock();
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, (count + Block - 1) / Block, options, b =>
        {
            var end = Math.Min(count, (b + 1) * Block);
            for (var i = b * Block; i < end; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(i);
            }

            var now = Interlocked.Add(ref done, end - (b * Block));
            if (progress is null) return;
            lock (gate)
            {
                // Reports only go up, whichever thread finishes first.
                if (now <= reported) return;
                reported = now;
                progress.Report(now);
            }
        });
        if (progress is not null && count == 0) progress.Report(0);
    }
}

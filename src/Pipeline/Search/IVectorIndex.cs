namespace SosRap.Pipeline.Search;

/// <summary>
/// A similarity index over fixed-dimension vectors, shaped after FAISS's <c>Index</c>.
/// <list type="bullet">
/// <item><b>Metric.</b> <see cref="VectorMetric.Cosine"/>: vectors and queries are L2-normalised
/// on the way in, so the score is their inner product, in [-1, 1], higher is better.</item>
/// <item><b>Ids and rows.</b> Each vector has a caller-given string id (unique, ordinal) and a
/// dense row number 0..<see cref="RowCount"/>-1 assigned in order of addition. Rows are what
/// filters and the k-NN graph speak; they are stable until <see cref="Compact"/>.</item>
/// <item><b>Removal.</b> <see cref="Remove"/> leaves a tombstone: the row keeps its number, is
/// never returned again, and its storage is reclaimed by <see cref="Compact"/>, which renumbers
/// the remaining rows in their order. <see cref="Save"/> writes the compacted rows.</item>
/// <item><b>Results.</b> A search fills caller buffers of size k (n × k for a batch) best first,
/// ties broken by the lower row, and pads with row -1 and score −∞ when fewer than k rows
/// qualify. Nothing is allocated per query by the span overloads.</item>
/// <item><b>Bad input</b> (wrong dimension, NaN or infinite component, zero vector, k &lt; 1,
/// duplicate or unknown id, short output buffer) throws an <see cref="ArgumentException"/> that
/// names the argument and where (id, batch item, component); nothing is changed.</item>
/// <item><b>Threads.</b> Searches may run concurrently with each other. A mutation
/// (add, upsert, remove, compact, clear) must not overlap any other call.</item>
/// </list>
/// </summary>
public interface IVectorIndex : IDisposable
{
    /// <summary>Components per vector.</summary>
    int Dimension { get; }

    /// <summary>Live vectors (rows minus removed ones).</summary>
    int Count { get; }

    /// <summary>Rows, including removed ones not yet compacted away.</summary>
    int RowCount { get; }

    /// <summary>How vectors are compared.</summary>
    VectorMetric Metric { get; }

    /// <summary>Adds one vector under a new id.</summary>
    void Add(string id, ReadOnlySpan<float> vector);

    /// <summary>
    /// Adds <c>ids.Count</c> vectors given row-major in <paramref name="vectors"/>
    /// (<c>ids.Count × Dimension</c> floats). All are validated before any is added.
    /// </summary>
    void AddRange(IReadOnlyList<string> ids, ReadOnlySpan<float> vectors);

    /// <summary>Replaces the vector of <paramref name="id"/> in place (same row), or adds it; true when replaced.</summary>
    bool Upsert(string id, ReadOnlySpan<float> vector);

    /// <summary>Removes <paramref name="id"/> (tombstone); throws when the id is unknown.</summary>
    void Remove(string id);

    /// <summary>Whether <paramref name="id"/> is in the index.</summary>
    bool Contains(string id);

    /// <summary>The row of <paramref name="id"/>, if present.</summary>
    bool TryGetRow(string id, out int row);

    /// <summary>The id of a live row.</summary>
    string GetId(int row);

    /// <summary>Copies the stored (normalised) vector of a live row.</summary>
    void CopyVector(int row, Span<float> destination);

    /// <summary>Renumbers the live rows densely, dropping removed ones.</summary>
    void Compact();

    /// <summary>Removes everything.</summary>
    void Clear();

    /// <summary>
    /// The <paramref name="k"/> rows most similar to <paramref name="query"/>, written best first
    /// to <paramref name="rows"/> and <paramref name="scores"/> (each at least k long) and padded;
    /// returns how many were found.
    /// </summary>
    int Search(ReadOnlySpan<float> query, int k, Span<int> rows, Span<float> scores, SearchOptions? options = null);

    /// <summary>
    /// Searches n queries given row-major in <paramref name="queries"/> (n × Dimension);
    /// results for query i are at [i·k, i·k + k) of <paramref name="rows"/> and
    /// <paramref name="scores"/> (each at least n·k long), best first and padded.
    /// </summary>
    void SearchBatch(ReadOnlySpan<float> queries, int k, Span<int> rows, Span<float> scores, SearchOptions? options = null);

    /// <summary>The exact k nearest other rows of every row (see <see cref="KnnGraph"/>).</summary>
    KnnGraph BuildKnnGraph(int k, int maxThreads = 0, IProgress<double>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Writes the index to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    void Save(string path, CancellationToken cancellationToken = default);
}

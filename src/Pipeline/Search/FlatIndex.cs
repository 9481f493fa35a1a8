using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SosRap.Pipeline.Search.Kernels;
using SosRap.Pipeline.Search.Storage;

namespace SosRap.Pipeline.Search;

/// <summary>
/// Exact brute-force cosine index (FAISS <c>IndexFlatIP</c> on normalised vectors), with an
/// optional int8 scan + exact re-ranking mode (<see cref="VectorQuantization.Int8"/>). Rows live
/// in one 64-byte aligned native block in 64-row panels; single queries stream it once at memory
/// bandwidth with the top-k fused into the scan, many queries go through a GEMM-style blocked
/// kernel, and the k-NN graph of all rows scores each pair once. See <see cref="IVectorIndex"/>
/// for the contract and docs/search.md for the design.
/// </summary>
public sealed unsafe partial class FlatIndex : IVectorIndex
{
    // Below this many bytes scanned per query, one thread is faster than splitting the scan
    // (a fork-join costs a few microseconds; 1 MB is read in ~25 us).
    private const long ParallelMinBytes = 1L << 20;

    // Data per chunk of a split scan (~25 us of work): threads end within one chunk of each other.
    private const long ParallelChunkBytes = 1L << 20;

    private readonly FlatIndexOptions _options;
    private readonly SimdLevel _simd;
    private readonly bool _vnni;
    private readonly Int8Store? _int8;
    private readonly Dictionary<string, int> _rowsById = new(StringComparer.Ordinal);
    private readonly ThreadLocal<SearchContext> _contexts;
    private PanelStore _store;
    private string?[] _ids;
    private ulong[] _deleted;
    private int _deletedCount;
    private bool _disposed;

    /// <summary>Creates an empty exact float32 index of the given dimension.</summary>
    public FlatIndex(int dimension)
        : this(new FlatIndexOptions { Dimension = dimension })
    {
    }

    /// <summary>Creates an empty index; <paramref name="options"/> is validated here.</summary>
    public FlatIndex(FlatIndexOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _simd = SimdLevels.Resolve(options.Simd);
        _vnni = options.UseVnni && SimdLevels.HasAvxVnni;
        var capacity = Math.Max(1, options.InitialCapacity);
        _store = new PanelStore(options.Dimension, capacity);
        if (options.Quantization == VectorQuantization.Int8) _int8 = new Int8Store(options.Dimension, capacity);
        _ids = new string?[capacity];
        _deleted = GC.AllocateArray<ulong>(WordsFor(capacity), pinned: true);
        var groups = Int8Scan.Groups(options.Dimension);
        _contexts = new ThreadLocal<SearchContext>(() => new SearchContext(options.Dimension, groups));
    }

    /// <inheritdoc/>
    public int Dimension => _options.Dimension;

    /// <inheritdoc/>
    public int Count => _store.RowCount - _deletedCount;

    /// <inheritdoc/>
    public int RowCount => _store.RowCount;

    /// <summary>Removed rows not yet compacted away.</summary>
    public int DeletedCount => _deletedCount;

    /// <inheritdoc/>
    public VectorMetric Metric => VectorMetric.Cosine;

    /// <summary>Whether single queries scan int8 codes and re-rank.</summary>
    public VectorQuantization Quantization => _options.Quantization;

    /// <summary>The vector width the kernels use on this machine (for logs and benchmarks).</summary>
    public string KernelDescription =>
        $"{_simd}{(_int8 is not null ? (_vnni && _simd >= SimdLevel.Vector256 ? ", int8 AVX-VNNI" : _simd >= SimdLevel.Vector256 ? ", int8 AVX2" : ", int8 scalar") : "")}";

    internal PanelStore Store => _store;

    internal Int8Store? Int8 => _int8;

    /// <inheritdoc/>
    public void Add(string id, ReadOnlySpan<float> vector)
    {
        ThrowIfDisposed();
        VectorValidation.CheckId(id, nameof(id));
        if (_rowsById.TryGetValue(id, out var existing)) throw DuplicateId(id, existing, nameof(id));
        var d = Dimension;
        var buffer = d <= 1024 ? stackalloc float[d] : new float[d];
        VectorValidation.Normalize(vector, buffer, d, nameof(vector), id, -1);
        var row = AppendRows(1);
        Store.Write(row, buffer);
        _ids[row] = id;
        _rowsById.Add(id, row);
        UpdateCodes(row, 1, buffer);
    }

    /// <inheritdoc/>
    public void AddRange(IReadOnlyList<string> ids, ReadOnlySpan<float> vectors)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(ids);
        var d = Dimension;
        var n = ids.Count;
        if ((long)n * d != vectors.Length)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{n} ids need {(long)n * d} floats ({n} × {d}); {vectors.Length} were given"),
                nameof(vectors));
        // Validate everything first so that a bad item leaves the index unchanged.
        var seen = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var id = ids[i];
            VectorValidation.CheckId(id, nameof(ids), i);
            if (_rowsById.TryGetValue(id, out var row)) throw DuplicateId(id, row, nameof(ids), i);
            if (!seen.TryAdd(id, i))
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"id '{id}' appears twice in the batch (items {seen[id]} and {i})"), nameof(ids));
            VectorValidation.Normalize(vectors.Slice(i * d, d), [], d, nameof(vectors), id, i);
        }
        if (n == 0) return;
        var buffer = d <= 1024 ? stackalloc float[d] : new float[d];
        var first = AppendRows(n);
        for (var i = 0; i < n; i++)
        {
            VectorValidation.Normalize(vectors.Slice(i * d, d), buffer, d, nameof(vectors), ids[i], i);
            Store.Write(first + i, buffer);
            _ids[first + i] = ids[i];
            _rowsById.Add(ids[i], first + i);
            if (_int8 is not null && !_int8.NeedsTraining(RowCount)) _int8.Encode(first + i, buffer);
        }
        UpdateCodes(first, n, default);
    }

    /// <inheritdoc/>
    public bool Upsert(string id, ReadOnlySpan<float> vector)
    {
        ThrowIfDisposed();
        VectorValidation.CheckId(id, nameof(id));
        if (!_rowsById.TryGetValue(id, out var row))
        {
            Add(id, vector);
            return false;
        }
        var d = Dimension;
        var buffer = d <= 1024 ? stackalloc float[d] : new float[d];
        VectorValidation.Normalize(vector, buffer, d, nameof(vector), id, -1);
        Store.Write(row, buffer);
        _int8?.Encode(row, buffer);
        return true;
    }

    /// <inheritdoc/>
    public void Remove(string id)
    {
        ThrowIfDisposed();
        VectorValidation.CheckId(id, nameof(id));
        if (!_rowsById.Remove(id, out var row))
            throw new ArgumentException($"id '{id}' is not in the index", nameof(id));
        _deleted[row >> 6] |= 1UL << row;
        _ids[row] = null;
        _deletedCount++;
    }

    /// <inheritdoc/>
    public bool Contains(string id) => id is not null && _rowsById.ContainsKey(id);

    /// <inheritdoc/>
    public bool TryGetRow(string id, out int row)
    {
        row = -1;
        return id is not null && _rowsById.TryGetValue(id, out row);
    }

    /// <inheritdoc/>
    public string GetId(int row) => _ids[CheckLiveRow(row)]!;

    /// <inheritdoc/>
    public void CopyVector(int row, Span<float> destination)
    {
        ThrowIfDisposed();
        CheckLiveRow(row);
        if (destination.Length < Dimension)
            throw new ArgumentException($"the destination holds {destination.Length} floats; the dimension is {Dimension}", nameof(destination));
        Store.Read(row, destination);
    }

    /// <summary>Whether <paramref name="row"/> was removed (and not yet compacted away).</summary>
    public bool IsRemoved(int row)
    {
        if ((uint)row >= (uint)RowCount)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"row {row} is outside the index's {RowCount} rows");
        return (_deleted[row >> 6] & (1UL << row)) != 0;
    }

    /// <summary>A filter over the current rows allowing the live rows whose id satisfies <paramref name="predicate"/>.</summary>
    public RowFilter CreateFilter(Func<string, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var filter = new RowFilter(RowCount);
        for (var row = 0; row < RowCount; row++)
        {
            var id = _ids[row];
            if (id is not null && predicate(id)) filter.Allow(row);
        }
        return filter;
    }

    /// <inheritdoc/>
    public void Compact()
    {
        ThrowIfDisposed();
        if (_deletedCount == 0) return;
        var d = Dimension;
        var live = Count;
        var fresh = new PanelStore(d, Math.Max(1, live));
        var ids = new string?[Math.Max(1, live)];
        var buffer = new float[d];
        fresh.Append(live);
        var next = 0;
        for (var row = 0; row < RowCount; row++)
        {
            var id = _ids[row];
            if (id is null) continue;
            Store.Read(row, buffer);
            fresh.Write(next, buffer);
            ids[next] = id;
            _rowsById[id] = next;
            next++;
        }
        _store.Dispose();
        _store = fresh;
        _ids = ids;
        _deleted = GC.AllocateArray<ulong>(WordsFor(ids.Length), pinned: true);
        _deletedCount = 0;
        _int8?.EncodeAll(_store);
    }

    /// <inheritdoc/>
    public void Clear()
    {
        ThrowIfDisposed();
        Store.Reset();
        Array.Clear(_ids);
        Array.Clear(_deleted);
        _deletedCount = 0;
        _rowsById.Clear();
        _int8?.Reset();
    }

    /// <inheritdoc/>
    public void Save(string path, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        IndexFile.Write(this, path, cancellationToken);
    }

    /// <summary>
    /// Loads an index written by <see cref="Save"/>. The file is memory-mapped, validated
    /// (header, sizes, checksums) and copied into the index's aligned storage; a corrupted,
    /// truncated or newer-format file throws <see cref="InvalidDataException"/> naming the problem.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="maxThreads">Default threads per search (0 = all processors).</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public static FlatIndex Load(string path, int maxThreads = 0, CancellationToken cancellationToken = default) =>
        IndexFile.Read(path, maxThreads, cancellationToken);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _store.Dispose();
        _int8?.Dispose();
        _contexts.Dispose();
    }

    /// <summary>Live ids in row order with their rows (for persistence).</summary>
    internal IEnumerable<(int Row, string Id)> LiveRows()
    {
        for (var row = 0; row < RowCount; row++)
        {
            var id = _ids[row];
            if (id is not null) yield return (row, id);
        }
    }

    /// <summary>Adds rows whose panels were filled by the loader, with their ids.</summary>
    internal void AdoptLoadedRows(int count, IReadOnlyList<string> ids)
    {
        for (var row = 0; row < count; row++) _ids[row] = ids[row];
        for (var row = 0; row < count; row++)
        {
            if (!_rowsById.TryAdd(ids[row], row))
                throw new InvalidDataException($"id '{ids[row]}' appears twice (rows {_rowsById[ids[row]]} and {row})");
        }
    }

    /// <summary>Reserves <paramref name="count"/> rows (store, ids, removal bits) and returns the first.</summary>
    internal int AppendRows(int count)
    {
        var first = _store.Append(count);
        var rows = _store.RowCount;
        if (rows > _ids.Length)
        {
            var capacity = (int)Math.Min(int.MaxValue, Math.Max(rows, 2L * _ids.Length));
            Array.Resize(ref _ids, capacity);
            var deleted = GC.AllocateArray<ulong>(WordsFor(capacity), pinned: true);
            _deleted.CopyTo(deleted, 0);
            _deleted = deleted;
        }
        _int8?.EnsureCapacity(rows);
        return first;
    }

    private static int WordsFor(int rows) => Math.Max(1, (int)(((long)rows + 63) / 64));

    private ulong* DeletedPointer => (ulong*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_deleted));

    private RowGate Gate(RowFilter? filter, int excludeRow = -1) =>
        new(RowCount, _deletedCount > 0 ? DeletedPointer : null, filter is null ? null : filter.Pointer, filter?.RowCount ?? 0, excludeRow);

    /// <summary>After rows [first, first+count) were written: trains the int8 range when due, or encodes the new row.</summary>
    private void UpdateCodes(int first, int count, ReadOnlySpan<float> single)
    {
        if (_int8 is null) return;
        if (_int8.NeedsTraining(RowCount)) _int8.Train(_store, Gate(null));
        else if (count == 1 && !single.IsEmpty) _int8.Encode(first, single);
    }

    private int CheckLiveRow(int row)
    {
        if ((uint)row >= (uint)RowCount)
            throw new ArgumentOutOfRangeException(nameof(row), row, $"row {row} is outside the index's {RowCount} rows");
        if ((_deleted[row >> 6] & (1UL << row)) != 0)
            throw new ArgumentException($"row {row} was removed", nameof(row));
        return row;
    }

    private static ArgumentException DuplicateId(string id, int row, string paramName, int item = -1) =>
        new(item < 0
                ? string.Create(CultureInfo.InvariantCulture, $"id '{id}' is already in the index (row {row}); use Upsert to replace it")
                : string.Create(CultureInfo.InvariantCulture, $"id '{id}' (item {item}) is already in the index (row {row}); use Upsert to replace it"),
            paramName);

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}

using System.Collections.Concurrent;

namespace SosRap.Pipeline.Text;

/// <summary>
/// A bounded, thread-safe map from word form to a value, looked up by span so that a hit allocates
/// nothing. Bounded by generations rather than by LRU bookkeeping: new entries go into the young
/// generation; when it holds half the capacity it becomes the old one and the previous old one is
/// dropped. A hit in the old generation is promoted. So frequent words stay, rare ones age out, and
/// a read is one lock-free dictionary probe (two on a miss).
/// </summary>
internal sealed class LemmaCache<TValue>
    where TValue : class
{
    private readonly int _generationCapacity;
    private readonly Lock _rotateGate = new();
    private Generation _young = new();
    private Generation _old = new();

    /// <param name="capacity">Most entries kept (both generations together); at least 2.</param>
    public LemmaCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _generationCapacity = capacity / 2;
    }

    /// <summary>Number of entries now held (approximate while other threads add).</summary>
    public int Count => Volatile.Read(ref _young).Count + Volatile.Read(ref _old).Count;

    public bool TryGet(ReadOnlySpan<char> key, out TValue value)
    {
        var young = Volatile.Read(ref _young);
        if (young.Lookup.TryGetValue(key, out value!))
        {
            return true;
        }

        var old = Volatile.Read(ref _old);
        if (old.Lookup.TryGetValue(key, out var actualKey, out value!))
        {
            Add(actualKey, value);
            return true;
        }

        return false;
    }

    /// <summary>Adds or keeps the existing value for <paramref name="key"/>; returns the value that is cached.</summary>
    public TValue Add(string key, TValue value)
    {
        var young = Volatile.Read(ref _young);
        if (!young.Map.TryAdd(key, value))
        {
            return young.Map.TryGetValue(key, out var existing) ? existing : value;
        }

        if (Interlocked.Increment(ref young.CountField) >= _generationCapacity)
        {
            Rotate(young);
        }

        return value;
    }

    public void Clear()
    {
        lock (_rotateGate)
        {
            Volatile.Write(ref _old, new Generation());
            Volatile.Write(ref _young, new Generation());
        }
    }

    private void Rotate(Generation full)
    {
        lock (_rotateGate)
        {
            // Another thread may have rotated already.
            if (ReferenceEquals(_young, full))
            {
                Volatile.Write(ref _old, full);
                Volatile.Write(ref _young, new Generation());
            }
        }
    }

    private sealed class Generation
    {
        public readonly ConcurrentDictionary<string, TValue> Map = new(StringComparer.Ordinal);
        public readonly ConcurrentDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> Lookup;
        public int CountField;

        public Generation() => Lookup = Map.GetAlternateLookup<ReadOnlySpan<char>>();

        public int Count => Volatile.Read(ref CountField);
    }
}

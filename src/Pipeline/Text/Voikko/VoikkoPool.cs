namespace SosRap.Pipeline.Text.Voikko;

/// <summary>
/// A bounded pool of <see cref="VoikkoInstance"/>s. A caller rents one instance for its exclusive use
/// and returns it; handles are opened lazily, up to <see cref="VoikkoOptions.MaxHandles"/>, so a
/// single-threaded process pays for one dictionary load only.
/// </summary>
internal sealed class VoikkoPool : IDisposable
{
    private readonly string _language;
    private readonly string _dictionaryDirectory;
    private readonly SemaphoreSlim _available;
    private readonly Stack<VoikkoInstance> _idle = new();
    private readonly List<VoikkoInstance> _all = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    public VoikkoPool(VoikkoOptions options)
    {
        VoikkoLibrary.EnsureLoaded(options.LibraryPath);
        _language = options.Language;
        _dictionaryDirectory = VoikkoLibrary.FindDictionary(options.DictionaryPath);
        _available = new SemaphoreSlim(options.MaxHandles, options.MaxHandles);

        // Open the first handle now so that a broken installation fails at construction, not on the first word.
        Return(Open());
    }

    /// <summary>The dictionary directory in use.</summary>
    public string DictionaryDirectory => _dictionaryDirectory;

    /// <summary>Number of handles opened so far.</summary>
    public int OpenHandles
    {
        get
        {
            lock (_gate)
            {
                return _all.Count;
            }
        }
    }

    /// <summary>Rents an instance; dispose the lease to give it back.</summary>
    public Lease Rent()
    {
        _available.Wait();
        VoikkoInstance? instance = null;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _idle.TryPop(out instance);
        }

        try
        {
            return new Lease(this, instance ?? Open());
        }
        catch
        {
            _available.Release();
            throw;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var instance in _all)
            {
                instance.Dispose();
            }

            _all.Clear();
            _idle.Clear();
        }
    }

    private VoikkoInstance Open()
    {
        var instance = VoikkoInstance.Open(_language, _dictionaryDirectory);
        lock (_gate)
        {
            _all.Add(instance);
        }

        return instance;
    }

    private void Return(VoikkoInstance instance)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _idle.Push(instance);
            }
        }
    }

    /// <summary>Exclusive use of one instance until disposed.</summary>
    internal readonly struct Lease(VoikkoPool pool, VoikkoInstance instance) : IDisposable
    {
        public VoikkoInstance Instance { get; } = instance;

        public void Dispose()
        {
            pool.Return(Instance);
            pool._available.Release();
        }
    }
}

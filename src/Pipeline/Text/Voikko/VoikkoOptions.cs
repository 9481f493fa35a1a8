namespace SosRap.Pipeline.Text.Voikko;

/// <summary>
/// Where Voikko lives and how the lemmatizer uses it. Every property has a working default on
/// Debian (<c>libvoikko1</c> + <c>voikko-fi</c>); validated once by <see cref="Validate"/>.
/// </summary>
public sealed record VoikkoOptions
{
    /// <summary>Environment variable that overrides the dictionary directory.</summary>
    public const string DictionaryPathVariable = "SOSRAP_VOIKKO_PATH";

    /// <summary>Environment variable that overrides the path of the libvoikko shared library.</summary>
    public const string LibraryPathVariable = "SOSRAP_VOIKKO_LIBRARY";

    /// <summary>
    /// Dictionary directory: the one holding <c>5/mor-standard</c> (e.g. <c>/usr/lib/voikko</c>), or
    /// <c>mor-standard</c> itself. <see langword="null"/>: <see cref="DictionaryPathVariable"/>, then the
    /// standard locations.
    /// </summary>
    public string? DictionaryPath { get; init; }

    /// <summary>
    /// Path of the libvoikko shared library. <see langword="null"/>: <see cref="LibraryPathVariable"/>,
    /// then the system's library search (<c>libvoikko.so.1</c>).
    /// </summary>
    public string? LibraryPath { get; init; }

    /// <summary>BCP 47 language tag of the dictionary.</summary>
    public string Language { get; init; } = "fi";

    /// <summary>
    /// Most Voikko handles open at once (each holds its own copy of the morphology, ~5 MB). Callers
    /// beyond that wait for a free handle.
    /// </summary>
    public int MaxHandles { get; init; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Most distinct word forms kept in the lemma cache; 0 turns the cache off.</summary>
    public int CacheCapacity { get; init; } = 200_000;

    /// <summary>Try Voikko's spelling suggestions for unknown lower-case words (typos).</summary>
    public bool UseSpellingSuggestions { get; init; } = true;

    /// <summary>Try restoring ä/ö for unknown words typed without them (<c>kasittely</c>).</summary>
    public bool RestoreUmlauts { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/>/<see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxHandles, 1, nameof(MaxHandles));
        ArgumentOutOfRangeException.ThrowIfNegative(CacheCapacity, nameof(CacheCapacity));
        if (string.IsNullOrWhiteSpace(Language))
        {
            throw new ArgumentException("Language must be a BCP 47 tag such as 'fi'.", nameof(Language));
        }

        if (DictionaryPath is { Length: 0 })
        {
            throw new ArgumentException("DictionaryPath is empty; leave it null for discovery.", nameof(DictionaryPath));
        }
    }
}

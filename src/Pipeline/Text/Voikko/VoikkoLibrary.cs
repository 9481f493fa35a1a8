using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace SosRap.Pipeline.Text.Voikko;

/// <summary>
/// Finds libvoikko and the Finnish dictionary. The native library is loaded once per process (a
/// shared library cannot be loaded twice anyway); the dictionary is per <see cref="VoikkoOptions"/>.
/// </summary>
internal static class VoikkoLibrary
{
    private static readonly string[] CandidateNames =
    [
        "libvoikko.so.1", "libvoikko.so", "libvoikko.1.dylib", "libvoikko.dylib", "libvoikko-1.dll", "voikko.dll",
    ];

    /// <summary>Standard dictionary locations, searched in order (Debian first).</summary>
    internal static readonly string[] StandardDictionaryDirectories =
    [
        "/usr/lib/voikko", "/usr/share/voikko", "/usr/local/lib/voikko", "/usr/local/share/voikko", "/etc/voikko",
    ];

    private static readonly Lock Gate = new();
    private static nint s_library;
    private static string? s_loadedFrom;

    /// <summary>Loads libvoikko (once) and returns where it came from.</summary>
    /// <exception cref="VoikkoUnavailableException">The library cannot be found or loaded.</exception>
    public static string EnsureLoaded(string? libraryPath)
    {
        lock (Gate)
        {
            if (s_library != nint.Zero)
            {
                return s_loadedFrom!;
            }

            libraryPath ??= Environment.GetEnvironmentVariable(VoikkoOptions.LibraryPathVariable);
            string[] candidates = string.IsNullOrEmpty(libraryPath) ? CandidateNames : [libraryPath];
            foreach (var name in candidates)
            {
                if (NativeLibrary.TryLoad(name, out var library))
                {
                    s_loadedFrom = name;
                    s_library = library;
                    Register();
                    return name;
                }
            }

            throw new VoikkoUnavailableException(
                $"The Voikko library was not found (tried {string.Join(", ", candidates)}). {VoikkoUnavailableException.InstallHint}");
        }
    }

    // One resolver per assembly is allowed; if another component of this assembly registered one
    // first, the load-context event still lets ours answer for the name "voikko".
    private static void Register()
    {
        var assembly = typeof(VoikkoLibrary).Assembly;
        try
        {
            NativeLibrary.SetDllImportResolver(assembly, Resolve);
        }
        catch (InvalidOperationException)
        {
            AssemblyLoadContext.Default.ResolvingUnmanagedDll += (a, name) => a == assembly ? Resolve(name, a, null) : nint.Zero;
        }
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == VoikkoNative.LibraryName ? s_library : nint.Zero;

    /// <summary>
    /// The dictionary directory to hand to <c>voikkoInit</c>: the explicit path, else
    /// <see cref="VoikkoOptions.DictionaryPathVariable"/>, else the first standard location that has a
    /// Finnish morphology.
    /// </summary>
    /// <exception cref="VoikkoUnavailableException">No usable dictionary was found.</exception>
    public static string FindDictionary(string? configured)
    {
        string? source = configured is not null ? "VoikkoOptions.DictionaryPath" : null;
        if (configured is null)
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(VoikkoOptions.DictionaryPathVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                configured = fromEnvironment;
                source = VoikkoOptions.DictionaryPathVariable;
            }
        }

        if (configured is not null)
        {
            return NormalizeDictionaryDirectory(configured)
                ?? throw new VoikkoUnavailableException(
                    $"No Voikko Finnish dictionary (5/mor-*/mor.vfst) under '{configured}' (from {source}). " +
                    $"Point it at the directory that holds '5/mor-standard', or unset it to use {StandardDictionaryDirectories[0]}. " +
                    VoikkoUnavailableException.InstallHint);
        }

        foreach (var directory in StandardDictionaryDirectories)
        {
            if (NormalizeDictionaryDirectory(directory) is { } found)
            {
                return found;
            }
        }

        throw new VoikkoUnavailableException(
            $"No Voikko Finnish dictionary found in {string.Join(", ", StandardDictionaryDirectories)}. {VoikkoUnavailableException.InstallHint}");
    }

    // Accepts the voikko root (holding "5/"), the "5" directory, or a "mor-*" directory itself.
    private static string? NormalizeDictionaryDirectory(string path)
    {
        var full = Path.GetFullPath(path);
        if (HasMorphology(Path.Combine(full, "5")))
        {
            return full;
        }

        if (Path.GetFileName(full) == "5" && HasMorphology(full))
        {
            return Path.GetDirectoryName(full);
        }

        if (File.Exists(Path.Combine(full, "mor.vfst")) && Path.GetFileName(Path.GetDirectoryName(full)) == "5")
        {
            return Path.GetDirectoryName(Path.GetDirectoryName(full));
        }

        return null;
    }

    private static bool HasMorphology(string versionDirectory) =>
        Directory.Exists(versionDirectory)
        && Directory.EnumerateDirectories(versionDirectory, "mor-*").Any(d => File.Exists(Path.Combine(d, "mor.vfst")));
}

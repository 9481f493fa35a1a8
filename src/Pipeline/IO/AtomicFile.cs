namespace SosRap.Pipeline.IO;

/// <summary>
/// Writes a file so that readers see either the old file or the complete new one, never a half
/// written one: the data goes to a temporary file in the same folder, which replaces the target
/// only after the write succeeded (a rename within one file system is atomic). On failure or
/// cancellation the temporary file is removed.
/// </summary>
public static class AtomicFile
{
    /// <summary>Runs <paramref name="write"/> on a temporary file and moves it to <paramref name="path"/> when it completes.</summary>
    /// <param name="path">Target file; replaced if it exists.</param>
    /// <param name="write">Writes the content; the stream is flushed and closed afterwards.</param>
    /// <param name="cancellationToken">Cancels the write; the target is then left as it was.</param>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var temp = TempPathFor(full);
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no BOM) atomically.</summary>
    public static Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken = default) =>
        WriteAsync(path, async (s, ct) =>
        {
            var bytes = new System.Text.UTF8Encoding(false).GetBytes(text);
            await s.WriteAsync(bytes, ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>A hidden temporary name beside <paramref name="fullPath"/>, unique per call.</summary>
    internal static string TempPathFor(string fullPath)
    {
        var dir = Path.GetDirectoryName(fullPath) ?? ".";
        return Path.Combine(dir, $".{Path.GetFileName(fullPath)}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original error matters more than a leftover temporary file.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

using SosRap.Models;

namespace SosRap.Pipeline.IO;

/// <summary>Creates report writers and writes whole report streams to files (atomically) or standard output.</summary>
public static class ReportWriter
{
    /// <summary>A writer for <paramref name="format"/> over <paramref name="stream"/>.</summary>
    /// <param name="stream">Destination; Parquet also works on a non-seekable stream.</param>
    /// <param name="format">Output format.</param>
    /// <param name="options">CSV and Parquet settings; validated here.</param>
    /// <param name="leaveOpen">Keep <paramref name="stream"/> open when the writer is disposed.</param>
    public static IReportWriter Create(Stream stream, ReportFormat format, ReportWriteOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options = (options ?? ReportWriteOptions.Default).Validate();
        return format switch
        {
            ReportFormat.Csv => new CsvReportWriter(stream, options, leaveOpen),
            ReportFormat.Jsonl => new JsonlReportWriter(stream, leaveOpen),
            ReportFormat.Parquet => new ParquetReportWriter(stream, options, leaveOpen),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    /// <summary>
    /// Writes <paramref name="reports"/> to <paramref name="path"/> (format by extension unless
    /// <see cref="ReportWriteOptions.Format"/> is set) through a temporary file, so that a failed
    /// or cancelled run leaves no partial output. <c>-</c> writes to standard output.
    /// </summary>
    /// <returns>The number of reports written.</returns>
    public static async Task<long> WriteFileAsync(string path, IAsyncEnumerable<Report> reports, ReportWriteOptions? options = null,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(reports);
        options = (options ?? ReportWriteOptions.Default).Validate();
        var format = ReportFormats.Resolve(path, options.Format);
        long count = 0;
        if (path == ReportFormats.StandardStream)
        {
            var stdout = Console.OpenStandardOutput();
            await using (stdout.ConfigureAwait(false))
            {
                count = await WriteAllAsync(stdout, format, reports, options, progress, cancellationToken).ConfigureAwait(false);
            }

            return count;
        }

        await AtomicFile.WriteAsync(path, async (stream, ct) =>
            count = await WriteAllAsync(stream, format, reports, options, progress, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return count;
    }

    /// <summary>Writes every report of <paramref name="reports"/> to <paramref name="stream"/> and completes the file.</summary>
    public static async Task<long> WriteAllAsync(Stream stream, ReportFormat format, IAsyncEnumerable<Report> reports, ReportWriteOptions? options = null,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var writer = Create(stream, format, options, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await foreach (var report in reports.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteAsync(report, cancellationToken).ConfigureAwait(false);
                if (progress is not null && writer.Count % 1000 == 0) progress.Report(writer.Count);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            progress?.Report(writer.Count);
            return writer.Count;
        }
    }

    /// <summary>Writes an in-memory list; see <see cref="WriteFileAsync(string, IAsyncEnumerable{Report}, ReportWriteOptions?, IProgress{long}?, CancellationToken)"/>.</summary>
    public static Task<long> WriteFileAsync(string path, IEnumerable<Report> reports, ReportWriteOptions? options = null,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        WriteFileAsync(path, reports.ToAsyncEnumerable(), options, progress, cancellationToken);
}

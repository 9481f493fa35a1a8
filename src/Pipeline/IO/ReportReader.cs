using System.Runtime.CompilerServices;
using SosRap.Models;

namespace SosRap.Pipeline.IO;

/// <summary>
/// Reads reports from CSV, JSONL or Parquet as a stream (<see cref="ReadAllAsync"/>), checking
/// every row: required fields, types, dates, kind, language, category ids, duplicate ids, UTF-8
/// and CSV structure. Invalid rows are handled per <see cref="ReportReadOptions.InvalidRows"/>;
/// <see cref="Summary"/> tells what was found once reading ends (also after an exception).
/// One reader reads its input once.
/// </summary>
public sealed class ReportReader
{
    private const int ProgressEvery = 1000;

    private readonly string _path;
    private readonly Stream? _stream;
    private readonly ReportReadOptions _options;
    private bool _started;

    private ReportReader(string path, Stream? stream, ReportReadOptions options)
    {
        _path = path;
        _stream = stream;
        _options = options.Validate();
        Summary = new ReportReadSummary { Source = path, Format = options.Format ?? default };
    }

    /// <summary>A reader for the file at <paramref name="path"/>, or standard input for <c>-</c>.</summary>
    /// <exception cref="InputException">The format cannot be told from the extension and none was given.</exception>
    public static ReportReader Open(string path, ReportReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= ReportReadOptions.Default;
        if (path != ReportFormats.StandardStream) ReportFormats.Resolve(path, options.Format);
        else if (options.InvalidRows == InvalidRowPolicy.Skip && options.RejectedPath is null)
            throw new InputException("hylätyille riveille on annettava tiedosto (--rejected), kun luetaan vakiosyötettä", path);
        return new ReportReader(path, null, options);
    }

    /// <summary>A reader over <paramref name="stream"/> (left open), named <paramref name="sourceName"/> in messages.</summary>
    public static ReportReader Open(Stream stream, string sourceName, ReportReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        return new ReportReader(sourceName, stream, options ?? ReportReadOptions.Default);
    }

    /// <summary>Reads a whole file into memory; convenient for small files and tests.</summary>
    public static async Task<(List<Report> Reports, ReportReadSummary Summary)> ReadFileAsync(string path, ReportReadOptions? options = null,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var reader = Open(path, options);
        var list = new List<Report>();
        await foreach (var r in reader.ReadAllAsync(progress, cancellationToken).ConfigureAwait(false)) list.Add(r);
        return (list, reader.Summary);
    }

    /// <summary>The name used in messages: the path, or the given source name.</summary>
    public string Source => _path;

    /// <summary>What reading found so far; final once <see cref="ReadAllAsync"/> has ended.</summary>
    public ReportReadSummary Summary { get; private set; }

    /// <summary>
    /// Yields the valid reports in file order. With <see cref="InvalidRowPolicy.Fail"/> the first
    /// invalid row stops the yielding; the rest of the file is still scanned for errors (up to
    /// <see cref="ReportReadOptions.MaxProblems"/>) and then an <see cref="InputProblemsException"/>
    /// lists them. Rows already yielded stay yielded: callers that need all-or-nothing collect
    /// first. File-level faults (unreadable file, missing required column) throw
    /// <see cref="InputException"/> at once.
    /// </summary>
    /// <param name="progress">Receives the number of rows read, every 1000 rows and at the end.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public async IAsyncEnumerable<Report> ReadAllAsync(IProgress<long>? progress = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (_started) throw new InvalidOperationException("A ReportReader reads its input only once.");
        _started = true;

        var ownsStream = _stream is null;
        var stream = _stream ?? (_path == ReportFormats.StandardStream ? Console.OpenStandardInput() : OpenFile(_path));
        Stream? spooled = null;
        RejectedRowWriter? rejected = null;
        var collector = new ProblemCollector(_path, _options.MaxProblems);
        var checker = new RowChecker(_options.Taxonomy, _options.MaxFieldLength);
        var filled = new long[ReportColumns.All.Count];
        long rowsRead = 0, withFields = 0, accepted = 0, rejectedRows = 0;
        var format = _options.Format ?? default;
        var failing = false;
        var stoppedAtCap = false;
        try
        {
            var input = new ByteInput(stream);
            format = await ResolveFormatAsync(input, cancellationToken).ConfigureAwait(false);
            Summary = Summary with { Format = format };
            IAsyncEnumerable<RowDraft> rows;
            switch (format)
            {
                case ReportFormat.Csv:
                    rows = new CsvRowSource(input, _path, _options.CsvDelimiter, _options.MaxFieldLength).ReadAsync(collector, cancellationToken);
                    break;
                case ReportFormat.Jsonl:
                    rows = new JsonlRowSource(input, _options.MaxLineBytes).ReadAsync(collector, cancellationToken);
                    break;
                default:
                    if (!stream.CanSeek || input.End > 0)
                    {
                        spooled = await SpoolAsync(input, stream, cancellationToken).ConfigureAwait(false);
                    }

                    rows = new ParquetRowSource(spooled ?? stream, _path).ReadAsync(collector, cancellationToken);
                    break;
            }

            if (_options.InvalidRows == InvalidRowPolicy.Skip)
                rejected = new RejectedRowWriter(_options.RejectedPath ?? _path + ".rejected.jsonl");

            await foreach (var d in rows.ConfigureAwait(false))
            {
                rowsRead++;
                if (d.FieldsRead)
                {
                    withFields++;
                    for (var c = 0; c < filled.Length; c++)
                    {
                        if ((d.Filled & (1 << c)) != 0) filled[c]++;
                    }
                }

                var report = checker.Check(d);
                foreach (var (severity, field, message) in d.Problems) collector.Add(severity, d.Row, field, message);
                if (progress is not null && rowsRead % ProgressEvery == 0) progress.Report(rowsRead);

                if (report is null)
                {
                    rejectedRows++;
                    if (rejected is not null) await rejected.WriteAsync(_path, d, cancellationToken).ConfigureAwait(false);
                    if (_options.InvalidRows == InvalidRowPolicy.Fail)
                    {
                        failing = true;
                        if (collector.ErrorCapReached)
                        {
                            stoppedAtCap = true;
                            break;
                        }
                    }

                    continue;
                }

                if (failing) continue;
                accepted++;
                yield return report;
            }

            progress?.Report(rowsRead);
            if (rejected is not null) await rejected.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Summary = Summary with
            {
                Format = format,
                RowsRead = rowsRead,
                RowsAccepted = accepted,
                RowsRejected = rejectedRows,
                ErrorCount = collector.Errors,
                WarningCount = collector.Warnings,
                Problems = collector.Kept,
                Columns = ColumnCounts(filled, withFields),
                RejectedPath = rejected?.Path,
            };
            if (rejected is not null) await rejected.DisposeAsync().ConfigureAwait(false);
            if (spooled is not null) await spooled.DisposeAsync().ConfigureAwait(false);
            if (ownsStream) await stream.DisposeAsync().ConfigureAwait(false);
        }

        if (failing) throw new InputProblemsException(_path, collector.KeptErrors, collector.Errors, complete: !stoppedAtCap);
    }

    private static Dictionary<string, ColumnFill> ColumnCounts(long[] filled, long rows)
    {
        var result = new Dictionary<string, ColumnFill>(StringComparer.Ordinal);
        for (var c = 0; c < filled.Length; c++) result[ReportColumns.All[c]] = new ColumnFill(filled[c], rows - filled[c]);
        return result;
    }

    private static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>The explicit format, else the extension, else (standard input, unknown name) the first bytes.</summary>
    private async ValueTask<ReportFormat> ResolveFormatAsync(ByteInput input, CancellationToken cancellationToken)
    {
        if (_options.Format is { } f) return f;
        if (ReportFormats.TryFromPath(_path, out var byExtension)) return byExtension;
        await input.EnsureAsync(4, cancellationToken).ConfigureAwait(false);
        var head = input.Unread;
        if (head.StartsWith("PAR1"u8)) return ReportFormat.Parquet;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        var first = head.TrimStart(" \t\r\n"u8);
        return !first.IsEmpty && first[0] == (byte)'{' ? ReportFormat.Jsonl : ReportFormat.Csv;
    }

    /// <summary>
    /// Parquet needs random access; a pipe (or bytes already buffered while sniffing) is copied to
    /// a temporary file that is deleted on close.
    /// </summary>
    private static async Task<Stream> SpoolAsync(ByteInput input, Stream rest, CancellationToken cancellationToken)
    {
        var temp = new FileStream(Path.Combine(Path.GetTempPath(), $"sosrap-{Guid.NewGuid():N}.parquet"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await temp.WriteAsync(input.Buffer.AsMemory(input.Pos, input.End - input.Pos), cancellationToken).ConfigureAwait(false);
        await rest.CopyToAsync(temp, cancellationToken).ConfigureAwait(false);
        temp.Position = 0;
        return temp;
    }
}

using Parquet;
using Parquet.Schema;
using SosRap.Models;

namespace SosRap.Pipeline.IO;

/// <summary>Writes reports to Parquet, one row group per <see cref="ReportWriteOptions.ParquetRowGroupSize"/> reports.</summary>
internal sealed class ParquetReportWriter : IReportWriter
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly int _rowGroupSize;
    private readonly ParquetSchema _schema = ParquetReportSchema.Create();
    private readonly List<Report> _pending = [];
    private ParquetWriter? _writer;
    private bool _completed;

    public ParquetReportWriter(Stream stream, ReportWriteOptions options, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _rowGroupSize = options.ParquetRowGroupSize;
    }

    public long Count { get; private set; }

    public async ValueTask WriteAsync(Report report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ObjectDisposedException.ThrowIf(_completed, this);
        ReportWriterChecks.CheckCategories(report);
        _pending.Add(report);
        Count++;
        if (_pending.Count >= _rowGroupSize) await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        if (_completed) return;
        // An empty file still gets its schema (and no row group).
        if (_pending.Count > 0 || _writer is null) await FlushAsync(cancellationToken).ConfigureAwait(false);
        await _writer!.DisposeAsync().ConfigureAwait(false);
        _writer = null;
        _completed = true;
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        // Without CompleteAsync the Parquet writer is dropped, not disposed: disposing it would
        // write a footer and make a truncated file look complete.
        _writer = null;
        if (!_leaveOpen) await _stream.DisposeAsync().ConfigureAwait(false);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            _writer = await ParquetWriter.CreateAsync(_schema, _stream, new ParquetOptions(), cancellationToken: cancellationToken).ConfigureAwait(false);
            _writer.CustomMetadata = new Dictionary<string, string> { [ParquetReportSchema.VersionKey] = ParquetReportSchema.Version };
        }

        if (_pending.Count == 0) return;
        var rows = _pending;
        var fields = _schema.DataFields;
        using (var group = _writer.CreateRowGroup())
        {
            await group.WriteAsync(fields[0], rows.ConvertAll(r => (string?)r.Id)).ConfigureAwait(false);
            await group.WriteAsync(fields[1], rows.ConvertAll(r => (string?)r.Phenomenon)).ConfigureAwait(false);
            await group.WriteAsync(fields[2], rows.ConvertAll(r => (string?)r.Proposal)).ConfigureAwait(false);
            await group.WriteAsync(fields[3], rows.ConvertAll(r => r.Municipality)).ConfigureAwait(false);
            await group.WriteAsync(fields[4], rows.ConvertAll(r => r.ServiceArea)).ConfigureAwait(false);
            await group.WriteAsync(fields[5], (ReadOnlyMemory<DateOnly?>)rows.ConvertAll(r => r.ReportedAt).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await WriteCategoriesAsync(group, fields[6], rows, cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(fields[7], rows.ConvertAll(r => (string?)FieldParsers.KindName(r.Kind))).ConfigureAwait(false);
            await group.WriteAsync(fields[8], (ReadOnlyMemory<int?>)rows.ConvertAll(r => r.AffectedClients).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(fields[9], rows.ConvertAll(r => r.Responsible)).ConfigureAwait(false);
            await group.WriteAsync(fields[10], rows.ConvertAll(r => (string?)r.Language)).ConfigureAwait(false);
            await group.WriteAsync(fields[11], rows.ConvertAll(r => r.Theme)).ConfigureAwait(false);
            await group.WriteAsync(fields[12], (ReadOnlyMemory<bool?>)rows.ConvertAll(r => r.ContainsPii).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            group.CompleteValidate();
        }

        _pending.Clear();
    }

    /// <summary>
    /// Dremel levels of an optional list of required strings: definition 1 marks an empty list,
    /// 2 an element; repetition 0 starts a row, 1 continues its list.
    /// </summary>
    private static async Task WriteCategoriesAsync(ParquetRowGroupWriter group, DataField element, List<Report> rows, CancellationToken cancellationToken)
    {
        var levels = 0;
        var valueCount = 0;
        foreach (var r in rows)
        {
            levels += Math.Max(r.Categories.Count, 1);
            valueCount += r.Categories.Count;
        }

        var values = new ReadOnlyMemory<char>[valueCount];
        var definition = new int[levels];
        var repetition = new int[levels];
        int v = 0, l = 0;
        foreach (var r in rows)
        {
            if (r.Categories.Count == 0)
            {
                definition[l] = 1;
                repetition[l++] = 0;
                continue;
            }

            for (var i = 0; i < r.Categories.Count; i++)
            {
                values[v++] = r.Categories[i].AsMemory();
                definition[l] = 2;
                repetition[l++] = i == 0 ? 0 : 1;
            }
        }

        await group.WriteAllPartsAsync<ReadOnlyMemory<char>>(element, values, definition, repetition, cancellationToken).ConfigureAwait(false);
    }
}

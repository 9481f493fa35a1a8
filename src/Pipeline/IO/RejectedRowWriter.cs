namespace SosRap.Pipeline.IO;

/// <summary>
/// Writes rejected rows, one JSON object a line: <c>{"source","row","errors":[{"field","message"}],
/// "record"|"fields"|"line": the row as read}</c>. The file is written through a temporary file and
/// only replaces an earlier one when reading finished, so a stale list never survives a new run.
/// </summary>
internal sealed class RejectedRowWriter : IAsyncDisposable
{
    private readonly string _path;
    private readonly string _temp;
    private readonly FileStream _stream;
    private readonly JsonlLineWriter _lines;
    private bool _committed;

    public RejectedRowWriter(string path)
    {
        _path = System.IO.Path.GetFullPath(path);
        _temp = AtomicFile.TempPathFor(_path);
        _stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
        _lines = new JsonlLineWriter(_stream);
    }

    public string Path => _path;

    public long Count { get; private set; }

    public async ValueTask WriteAsync(string source, RowDraft row, CancellationToken cancellationToken)
    {
        var w = _lines.Begin();
        w.WriteStartObject();
        w.WriteString("source", source);
        w.WriteNumber("row", row.Row);
        w.WriteStartArray("errors");
        foreach (var (severity, field, message) in row.Problems)
        {
            if (severity != ProblemSeverity.Error) continue;
            w.WriteStartObject();
            w.WriteString("field", field);
            w.WriteString("message", message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        row.WriteOriginal?.Invoke(w);
        w.WriteEndObject();
        await _lines.EndAsync(cancellationToken).ConfigureAwait(false);
        Count++;
    }

    public async ValueTask CommitAsync(CancellationToken cancellationToken)
    {
        await _lines.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _lines.DisposeAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        File.Move(_temp, _path, overwrite: true);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_committed) return;
        await _lines.DisposeAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
        File.Delete(_temp);
    }
}

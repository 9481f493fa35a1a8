using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SosRap.Pipeline.IO;

/// <summary>
/// Writes JSON Lines: each <see cref="Begin"/>/<see cref="EndAsync"/> pair is one line. Letters
/// such as ä and ö are written as they are (relaxed escaping); quotes, control characters and
/// line breaks are always escaped, so a value can never break a line.
/// </summary>
internal sealed class JsonlLineWriter : IAsyncDisposable
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    private readonly Stream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _writer;

    public JsonlLineWriter(Stream stream)
    {
        _stream = stream;
        _writer = new Utf8JsonWriter(_buffer, Options);
    }

    public Utf8JsonWriter Begin()
    {
        _writer.Reset(_buffer);
        return _writer;
    }

    public async ValueTask EndAsync(CancellationToken cancellationToken)
    {
        _writer.Flush();
        _buffer.Write("\n"u8);
        if (_buffer.WrittenCount >= 32 * 1024) await WriteBufferedAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the buffered lines and flushes the stream.</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await WriteBufferedAsync(cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask WriteBufferedAsync(CancellationToken cancellationToken)
    {
        if (_buffer.WrittenCount == 0) return;
        await _stream.WriteAsync(_buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        _buffer.ResetWrittenCount();
    }

    public async ValueTask DisposeAsync() => await _writer.DisposeAsync().ConfigureAwait(false);
}

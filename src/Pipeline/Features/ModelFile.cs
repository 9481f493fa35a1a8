using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using SosRap.Pipeline.IO;

namespace SosRap.Pipeline.Features;

/// <summary>
/// The envelope of SosRap's binary model files: an 8-byte magic naming the model type, a format
/// version, the payload length, the payload (little-endian <see cref="BinaryWriter"/> data) and a
/// 64-bit FNV-1a checksum of the payload. Files are written atomically (temporary file + rename),
/// so a reader sees the old model or the new one. Loading checks magic, version, length and checksum
/// before a model is used, and throws <see cref="InputException"/> naming the file and what is wrong:
/// another model type, a version this build cannot read, a truncated or a corrupted file. The
/// checksum finds accidents (a truncated copy, a flipped byte), not tampering.
/// </summary>
internal static class ModelFile
{
    private const int HeaderLength = 8 + 4 + 8;
    private const int TrailerLength = 8;

    public static Task SaveAsync(string path, string magic, int version, Action<BinaryWriter> writePayload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var magicBytes = MagicBytes(magic);
        return AtomicFile.WriteAsync(path, (stream, ct) =>
        {
            Write(stream, magicBytes, version, writePayload, ct);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>Writes the envelope to a seekable stream (the length is patched in at the end).</summary>
    public static void Write(Stream stream, ReadOnlySpan<byte> magic, int version, Action<BinaryWriter> writePayload, CancellationToken cancellationToken)
    {
        if (!stream.CanSeek) throw new ArgumentException("Model files are written to seekable streams.", nameof(stream));
        var start = stream.Position;
        Span<byte> header = stackalloc byte[HeaderLength];
        magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], version);
        stream.Write(header);
        var hashing = new ChecksumStream(stream, writing: true);
        using (var writer = new BinaryWriter(hashing, Encoding.UTF8, leaveOpen: true))
        {
            writePayload(writer);
            writer.Flush();
        }

        cancellationToken.ThrowIfCancellationRequested();
        Span<byte> trailer = stackalloc byte[TrailerLength];
        BinaryPrimitives.WriteUInt64LittleEndian(trailer, hashing.Checksum);
        stream.Write(trailer);
        var end = stream.Position;
        stream.Position = start + 12;
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(length, hashing.Length);
        stream.Write(length);
        stream.Position = end;
    }

    /// <summary>Opens, checks and reads a model file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="magic">The 8-character type tag the file must start with.</param>
    /// <param name="description">What the file should be, for messages (<c>TF-IDF-malli</c>).</param>
    /// <param name="version">The one format version this build reads.</param>
    /// <param name="readPayload">Reads the payload; may throw <see cref="InvalidDataException"/> for bad content.</param>
    public static T Load<T>(string path, string magic, string description, int version, Func<BinaryReader, T> readPayload)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream, path, magic, description, version, readPayload);
    }

    public static T Read<T>(Stream stream, string source, string magic, string description, int version, Func<BinaryReader, T> readPayload)
    {
        var available = stream.CanSeek ? stream.Length - stream.Position : long.MaxValue;
        Span<byte> header = stackalloc byte[HeaderLength];
        var got = stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false);
        if (got >= 8 && !header[..8].SequenceEqual(MagicBytes(magic)))
            throw new InputException($"tiedosto ei ole SosRapin {description}tiedosto (tunniste puuttuu)", source);
        if (got < HeaderLength)
            throw new InputException($"{description}tiedosto on katkennut: otsake on vajaa ({got} tavua)", source);
        var fileVersion = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (fileVersion != version)
            throw new InputException(
                $"{description}tiedoston muotoversio on {fileVersion.ToString(CultureInfo.InvariantCulture)}, mutta tämä SosRap lukee version {version.ToString(CultureInfo.InvariantCulture)}; sovita malli uudelleen",
                source);
        var payloadLength = BinaryPrimitives.ReadInt64LittleEndian(header[12..]);
        if (payloadLength < 0)
            throw new InputException($"{description}tiedosto on vioittunut (sisällön pituus {payloadLength})", source);
        if (stream.CanSeek && HeaderLength + payloadLength + TrailerLength > available)
            throw new InputException(
                $"{description}tiedosto on katkennut: odotettiin {HeaderLength + payloadLength + TrailerLength} tavua, tiedostossa on {available}", source);

        var hashing = new ChecksumStream(stream, writing: false, limit: payloadLength);
        T model;
        try
        {
            using var reader = new BinaryReader(hashing, Encoding.UTF8, leaveOpen: true);
            model = readPayload(reader);
        }
        catch (EndOfStreamException e)
        {
            throw new InputException($"{description}tiedosto on katkennut tai vioittunut (sisältö loppui kesken)", source, inner: e);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or ArgumentException or OverflowException or DecoderFallbackException)
        {
            throw new InputException($"{description}tiedosto on vioittunut: {e.Message}", source, inner: e);
        }

        if (hashing.Length != payloadLength)
            throw new InputException($"{description}tiedosto on vioittunut: sisältö on {payloadLength} tavua, mutta malli luki {hashing.Length}", source);
        Span<byte> trailer = stackalloc byte[TrailerLength];
        if (stream.ReadAtLeast(trailer, TrailerLength, throwOnEndOfStream: false) < TrailerLength)
            throw new InputException($"{description}tiedosto on katkennut: tarkistussumma puuttuu", source);
        if (BinaryPrimitives.ReadUInt64LittleEndian(trailer) != hashing.Checksum)
            throw new InputException($"{description}tiedosto on vioittunut: tarkistussumma ei täsmää", source);
        return model;
    }

    /// <summary>
    /// Reads an item count and checks it against what is left of the payload (each item takes at least
    /// <paramref name="minBytesPerItem"/> bytes), so a corrupted count cannot ask for a huge array.
    /// </summary>
    public static int ReadCount(BinaryReader reader, int minBytesPerItem, string what)
    {
        var n = reader.ReadInt32();
        var left = reader.BaseStream is ChecksumStream c ? c.Remaining : long.MaxValue;
        if (n < 0 || (long)n * Math.Max(minBytesPerItem, 1) > left)
            throw new InvalidDataException($"{what}: {n} ei sovi tiedoston kokoon");
        return n;
    }

    /// <summary>Checks that at least <paramref name="bytes"/> of payload are left before a large array is made.</summary>
    public static void EnsureRemaining(BinaryReader reader, long bytes, string what)
    {
        var left = reader.BaseStream is ChecksumStream c ? c.Remaining : long.MaxValue;
        if (bytes > left) throw new InvalidDataException($"{what}: {bytes} tavua ei mahdu tiedoston jäljellä olevaan {left} tavuun");
    }

    private static byte[] MagicBytes(string magic)
    {
        var bytes = Encoding.ASCII.GetBytes(magic);
        if (bytes.Length != 8) throw new ArgumentException("A model magic is 8 ASCII characters.", nameof(magic));
        return bytes;
    }

    /// <summary>Passes bytes through while hashing them (FNV-1a, 64 bit) and counting them; reads stop at a limit.</summary>
    private sealed class ChecksumStream(Stream inner, bool writing, long limit = long.MaxValue) : Stream
    {
        private const ulong OffsetBasis = 14695981039346656037;
        private const ulong Prime = 1099511628211;
        private ulong _hash = OffsetBasis;

        public ulong Checksum => _hash;

        public long Remaining => limit - Position;

        public override long Length => Position;

        public override long Position { get; set; }

        public override bool CanRead => !writing;

        public override bool CanSeek => false;

        public override bool CanWrite => writing;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var allowed = (int)Math.Min(buffer.Length, limit - Position);
            if (allowed <= 0) return 0;
            var n = inner.Read(buffer[..allowed]);
            Update(buffer[..n]);
            return n;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Update(buffer);
        }

        public override void Flush() => inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private void Update(ReadOnlySpan<byte> bytes)
        {
            var h = _hash;
            foreach (var b in bytes)
            {
                h ^= b;
                h *= Prime;
            }

            _hash = h;
            Position += bytes.Length;
        }
    }
}

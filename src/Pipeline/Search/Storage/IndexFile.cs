using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.IO.MemoryMappedFiles;
using System.Text;
using SosRap.Pipeline.Search.Kernels;

namespace SosRap.Pipeline.Search.Storage;

/// <summary>
/// The on-disk form of a <see cref="FlatIndex"/> (format version 1, little-endian):
/// <code>
/// [0,128)   header: magic "SOSRAPVI", u16 version, u16 header size, u32 dimension, u32 rows,
///           u32 panel rows (64), u32 flags (bit 0 = int8), u32 0, then (offset, length) u64
///           pairs of the vectors, ids and int8 sections, their XXH3-64 checksums, 16 zero
///           bytes, and the XXH3-64 of header bytes [0,120) at 120.
/// vectors   the live rows in panels exactly as in memory (64 rows, dimension-major, zero padded)
/// ids       per row: u32 UTF-8 byte length, then the bytes
/// int8      u32 trained rows, then min[d] and scale[d] as float32 (codes are rebuilt on load)
/// </code>
/// Removed rows are not written, so rows are renumbered as by <see cref="FlatIndex.Compact"/>.
/// Writing goes to a temporary file that is renamed over the target, so a crash never leaves a
/// half-written index. Reading memory-maps the file, checks the header, every size against the
/// file length and every checksum, and copies the panels into aligned memory in one pass.
/// </summary>
internal static unsafe class IndexFile
{
    public const ushort Version = 1;
    public const int HeaderSize = 128;
    private const int HashedHeaderBytes = 120;
    private const uint FlagInt8 = 1;
    private static ReadOnlySpan<byte> Magic => "SOSRAPVI"u8;

    public static void Write(FlatIndex index, string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.tmp-{Guid.NewGuid():N}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                WriteTo(index, stream, cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public static FlatIndex Read(string path, int maxThreads, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var length = new FileInfo(path).Length;
        if (length < HeaderSize)
            throw Corrupt(path, $"the file has {length} bytes, fewer than the {HeaderSize}-byte header of an index file");
        using var map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        byte* basePtr = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref basePtr);
        try
        {
            return ReadFrom(path, basePtr + view.PointerOffset, length, maxThreads, cancellationToken);
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
    }

    private static void WriteTo(FlatIndex index, FileStream stream, CancellationToken cancellationToken)
    {
        var store = index.Store;
        var d = index.Dimension;
        var rows = index.Count;
        var panels = PanelStore.PanelsFor(rows);
        var panelBytes = (long)store.PanelBytes;
        var vectorsLength = panels * panelBytes;

        stream.Write(new byte[HeaderSize]);
        var vectorsOffset = stream.Position;
        var vectorsHash = new XxHash3();
        if (index.DeletedCount == 0)
        {
            // The panels are already the file's layout (padding lanes are zero).
            WriteBytes(stream, vectorsHash, (byte*)store.Data, vectorsLength, cancellationToken);
        }
        else
        {
            WriteCompacted(index, stream, vectorsHash, cancellationToken);
        }

        var idsOffset = stream.Position;
        var idsHash = new XxHash3();
        var buffer = new byte[4 + 4 * 1024];
        foreach (var (_, id) in index.LiveRows())
        {
            var n = Encoding.UTF8.GetByteCount(id);
            if (buffer.Length < 4 + n) buffer = new byte[4 + n];
            BinaryPrimitives.WriteUInt32LittleEndian(buffer, (uint)n);
            Encoding.UTF8.GetBytes(id, buffer.AsSpan(4));
            stream.Write(buffer, 0, 4 + n);
            idsHash.Append(buffer.AsSpan(0, 4 + n));
        }
        var idsLength = stream.Position - idsOffset;

        long int8Offset = 0, int8Length = 0;
        var int8Hash = new XxHash3();
        if (index.Int8 is { } int8)
        {
            int8Offset = stream.Position;
            var section = new byte[4 + 8 * d];
            BinaryPrimitives.WriteInt32LittleEndian(section, Math.Min(int8.TrainedRows, rows));
            for (var p = 0; p < d; p++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(section.AsSpan(4 + 4 * p), int8.Min[p]);
                BinaryPrimitives.WriteSingleLittleEndian(section.AsSpan(4 + 4 * (d + p)), int8.Scale[p]);
            }
            stream.Write(section);
            int8Hash.Append(section);
            int8Length = section.Length;
        }

        var header = new byte[HeaderSize];
        Magic.CopyTo(header);
        var h = header.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(h[8..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(h[10..], HeaderSize);
        BinaryPrimitives.WriteUInt32LittleEndian(h[12..], (uint)d);
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], (uint)rows);
        BinaryPrimitives.WriteUInt32LittleEndian(h[20..], FloatScan.PanelRows);
        BinaryPrimitives.WriteUInt32LittleEndian(h[24..], index.Int8 is null ? 0 : FlagInt8);
        BinaryPrimitives.WriteInt64LittleEndian(h[32..], vectorsOffset);
        BinaryPrimitives.WriteInt64LittleEndian(h[40..], vectorsLength);
        BinaryPrimitives.WriteInt64LittleEndian(h[48..], idsOffset);
        BinaryPrimitives.WriteInt64LittleEndian(h[56..], idsLength);
        BinaryPrimitives.WriteInt64LittleEndian(h[64..], int8Offset);
        BinaryPrimitives.WriteInt64LittleEndian(h[72..], int8Length);
        BinaryPrimitives.WriteUInt64LittleEndian(h[80..], vectorsHash.GetCurrentHashAsUInt64());
        BinaryPrimitives.WriteUInt64LittleEndian(h[88..], idsHash.GetCurrentHashAsUInt64());
        BinaryPrimitives.WriteUInt64LittleEndian(h[96..], int8Hash.GetCurrentHashAsUInt64());
        BinaryPrimitives.WriteUInt64LittleEndian(h[HashedHeaderBytes..], XxHash3.HashToUInt64(h[..HashedHeaderBytes]));
        stream.Position = 0;
        stream.Write(header);
        stream.Position = stream.Length;
    }

    /// <summary>Writes the live rows packed into fresh panels, one panel at a time.</summary>
    private static void WriteCompacted(FlatIndex index, FileStream stream, XxHash3 hash, CancellationToken cancellationToken)
    {
        var d = index.Dimension;
        var panel = new float[d * FloatScan.PanelRows];
        var row = new float[d];
        var lane = 0;
        foreach (var (source, _) in index.LiveRows())
        {
            index.Store.Read(source, row);
            for (var p = 0; p < d; p++) panel[p * FloatScan.PanelRows + lane] = row[p];
            if (++lane == FloatScan.PanelRows)
            {
                Flush();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        if (lane > 0) Flush();

        void Flush()
        {
            var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(panel.AsSpan());
            stream.Write(bytes);
            hash.Append(bytes);
            Array.Clear(panel);
            lane = 0;
        }
    }

    private static void WriteBytes(FileStream stream, XxHash3 hash, byte* data, long length, CancellationToken cancellationToken)
    {
        const int Chunk = 16 << 20;
        for (long at = 0; at < length; at += Chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var span = new ReadOnlySpan<byte>(data + at, (int)Math.Min(Chunk, length - at));
            stream.Write(span);
            hash.Append(span);
        }
    }

    private static FlatIndex ReadFrom(string path, byte* file, long length, int maxThreads, CancellationToken cancellationToken)
    {
        var h = new ReadOnlySpan<byte>(file, HeaderSize);
        if (!h[..8].SequenceEqual(Magic)) throw Corrupt(path, "not a SosRap vector index file (wrong magic bytes)");
        var version = BinaryPrimitives.ReadUInt16LittleEndian(h[8..]);
        if (version != Version)
            throw Corrupt(path, $"format version {version} is not supported (this build reads version {Version})");
        if (BinaryPrimitives.ReadUInt64LittleEndian(h[HashedHeaderBytes..]) != XxHash3.HashToUInt64(h[..HashedHeaderBytes]))
            throw Corrupt(path, "the header checksum does not match: the header is corrupted");
        var headerSize = BinaryPrimitives.ReadUInt16LittleEndian(h[10..]);
        var d = BinaryPrimitives.ReadUInt32LittleEndian(h[12..]);
        var rows = BinaryPrimitives.ReadUInt32LittleEndian(h[16..]);
        var panelRows = BinaryPrimitives.ReadUInt32LittleEndian(h[20..]);
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(h[24..]);
        if (headerSize != HeaderSize) throw Corrupt(path, $"header size {headerSize} (expected {HeaderSize})");
        if (d < 1 || d > FlatIndexOptions.MaxDimension) throw Corrupt(path, $"dimension {d} is out of range");
        if (rows > int.MaxValue - FloatScan.PanelRows) throw Corrupt(path, $"row count {rows} is out of range");
        if (panelRows != FloatScan.PanelRows) throw Corrupt(path, $"panel height {panelRows} (this build uses {FloatScan.PanelRows})");
        if ((flags & ~FlagInt8) != 0) throw Corrupt(path, $"unknown flags 0x{flags:x}");

        var vectors = Section(path, h, 32, "vectors", length);
        var ids = Section(path, h, 48, "ids", length);
        var int8 = Section(path, h, 64, "int8", length);
        var dim = (int)d;
        var count = (int)rows;
        var expected = (long)PanelStore.PanelsFor(count) * dim * FloatScan.PanelRows * sizeof(float);
        if (vectors.Length != expected)
            throw Corrupt(path, $"the vectors section has {vectors.Length} bytes; {count} rows of dimension {dim} need {expected}");
        var hasInt8 = (flags & FlagInt8) != 0;
        if (hasInt8 ? int8.Length != 4 + 8L * dim : int8.Length != 0)
            throw Corrupt(path, $"the int8 section has {int8.Length} bytes (expected {(hasInt8 ? 4 + 8L * dim : 0)})");

        CheckHash(path, file, vectors, BinaryPrimitives.ReadUInt64LittleEndian(h[80..]), "vectors", cancellationToken);
        CheckHash(path, file, ids, BinaryPrimitives.ReadUInt64LittleEndian(h[88..]), "ids", cancellationToken);
        CheckHash(path, file, int8, BinaryPrimitives.ReadUInt64LittleEndian(h[96..]), "int8", cancellationToken);

        var idList = ReadIds(path, new ReadOnlySpan<byte>(file + ids.Offset, checked((int)ids.Length)), count);
        var index = new FlatIndex(new FlatIndexOptions
        {
            Dimension = dim,
            Quantization = hasInt8 ? VectorQuantization.Int8 : VectorQuantization.None,
            InitialCapacity = Math.Max(1, count),
            MaxThreads = maxThreads,
        });
        try
        {
            if (count > 0)
            {
                index.AppendRows(count);
                Buffer.MemoryCopy(file + vectors.Offset, index.Store.Data, vectors.Length, vectors.Length);
            }
            index.AdoptLoadedRows(count, idList);
            if (hasInt8)
            {
                var s = new ReadOnlySpan<byte>(file + int8.Offset, (int)int8.Length);
                var trained = BinaryPrimitives.ReadInt32LittleEndian(s);
                var min = new float[dim];
                var scale = new float[dim];
                for (var p = 0; p < dim; p++)
                {
                    min[p] = BinaryPrimitives.ReadSingleLittleEndian(s[(4 + 4 * p)..]);
                    scale[p] = BinaryPrimitives.ReadSingleLittleEndian(s[(4 + 4 * (dim + p))..]);
                }
                index.Int8!.Restore(min, scale, trained, index.Store);
            }
            return index;
        }
        catch (InvalidDataException e)
        {
            index.Dispose();
            throw Corrupt(path, e.Message);
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    private static (long Offset, long Length) Section(string path, ReadOnlySpan<byte> h, int at, string name, long fileLength)
    {
        var offset = BinaryPrimitives.ReadInt64LittleEndian(h[at..]);
        var length = BinaryPrimitives.ReadInt64LittleEndian(h[(at + 8)..]);
        if (length == 0) return (0, 0);
        if (offset < HeaderSize || length < 0 || offset > fileLength || length > fileLength - offset)
            throw Corrupt(path, string.Create(CultureInfo.InvariantCulture,
                $"the {name} section [{offset}, {offset + length}) lies outside the file ({fileLength} bytes): the file is truncated or corrupted"));
        return (offset, length);
    }

    private static void CheckHash(string path, byte* file, (long Offset, long Length) section, ulong expected, string name, CancellationToken cancellationToken)
    {
        const int Chunk = 64 << 20;
        var hash = new XxHash3();
        for (long at = 0; at < section.Length; at += Chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            hash.Append(new ReadOnlySpan<byte>(file + section.Offset + at, (int)Math.Min(Chunk, section.Length - at)));
        }
        if (hash.GetCurrentHashAsUInt64() != expected)
            throw Corrupt(path, $"the checksum of the {name} section does not match: the file is corrupted");
    }

    private static string[] ReadIds(string path, ReadOnlySpan<byte> s, int count)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var ids = new string[count];
        var at = 0;
        for (var i = 0; i < count; i++)
        {
            if (s.Length - at < 4) throw Corrupt(path, $"the ids section ends before the id of row {i}");
            var n = BinaryPrimitives.ReadUInt32LittleEndian(s[at..]);
            at += 4;
            if (n == 0 || n > s.Length - at) throw Corrupt(path, $"the id of row {i} has an invalid length {n}");
            try
            {
                ids[i] = utf8.GetString(s.Slice(at, (int)n));
            }
            catch (DecoderFallbackException)
            {
                throw Corrupt(path, $"the id of row {i} is not valid UTF-8");
            }
            at += (int)n;
        }
        if (at != s.Length) throw Corrupt(path, $"the ids section has {s.Length - at} bytes after the last id");
        return ids;
    }

    private static InvalidDataException Corrupt(string path, string problem) => new($"{path}: {problem}");
}

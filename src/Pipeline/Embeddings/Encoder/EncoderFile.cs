using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using SosRap.Pipeline.IO;

namespace SosRap.Pipeline.Embeddings.Encoder;

/// <summary>
/// Reads and writes encoder files (format version 1, described in docs/encoder.md): an 8-byte magic
/// <c>SOSRAPEN</c>, the format version and the header length as little-endian uint32, a UTF-8 JSON
/// header (configuration, vocabulary, categories, tensor table, data length and CRC-32) padded with
/// spaces to a multiple of 64 bytes, then the raw little-endian tensors, each 64-byte aligned. Any
/// program that reads JSON and float32 arrays can load it; no libtorch is involved. Files are written
/// atomically. Errors name the file and what is wrong (in Finnish, for the CLI).
/// </summary>
public static class EncoderFile
{
    /// <summary>The format version this code writes and the newest it reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The name of the encoder file inside an encoder folder.</summary>
    public const string FileName = "encoder.bin";

    /// <summary>The 8 bytes every encoder file starts with.</summary>
    public static ReadOnlySpan<byte> Magic => "SOSRAPEN"u8;

    private const int PrefixLength = 16;
    private const int Alignment = 64;
    private const int MaxHeaderLength = 512 << 20;
    private const string FormatName = "sosrap-encoder";
    private const string HashName = "fnv1a32-utf16le";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The encoder file for <paramref name="path"/>: the path itself when it is a file, else
    /// <see cref="FileName"/> inside the folder.
    /// </summary>
    public static string Resolve(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Directory.Exists(path) ? Path.Combine(path, FileName) : path;
    }

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> atomically.</summary>
    public static Task SaveAsync(EncoderModel model, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        EnsureLittleEndian();
        var tensors = Layout(model, out var dataLength);
        var crc = 0u;
        long position = 0;
        foreach (var t in tensors)
        {
            crc = AppendZeros(crc, t.Offset - position);
            crc = Crc32.Append(crc, t.Bytes.Span);
            position = t.Offset + t.Bytes.Length;
        }

        crc = AppendZeros(crc, dataLength - position);
        var header = Header(model, tensors, dataLength, crc);
        return AtomicFile.WriteAsync(path, async (stream, ct) =>
        {
            var prefix = new byte[PrefixLength];
            Magic.CopyTo(prefix);
            BinaryPrimitives.WriteUInt32LittleEndian(prefix.AsSpan(8), FormatVersion);
            BinaryPrimitives.WriteUInt32LittleEndian(prefix.AsSpan(12), (uint)header.Length);
            await stream.WriteAsync(prefix, ct).ConfigureAwait(false);
            await stream.WriteAsync(header, ct).ConfigureAwait(false);
            position = 0;
            foreach (var t in tensors)
            {
                await WriteZerosAsync(stream, t.Offset - position, ct).ConfigureAwait(false);
                await stream.WriteAsync(t.Bytes, ct).ConfigureAwait(false);
                position = t.Offset + t.Bytes.Length;
            }

            await WriteZerosAsync(stream, dataLength - position, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Reads an encoder file (or the encoder file of a folder).</summary>
    /// <exception cref="InputException">The file is not an encoder file, is of a newer version, is truncated or damaged.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static async Task<EncoderModel> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = Resolve(path);
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, file, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads an encoder from <paramref name="stream"/>; <paramref name="source"/> names it in errors.</summary>
    public static async Task<EncoderModel> ReadAsync(Stream stream, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(source);
        EnsureLittleEndian();
        var prefix = new byte[PrefixLength];
        var got = await stream.ReadAtLeastAsync(prefix, PrefixLength, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (got < Magic.Length || !prefix.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InputException("ei ole SosRap-enkooderitiedosto (alusta puuttuu tunniste SOSRAPEN)", source);
        if (got < PrefixLength)
            throw new InputException($"tiedosto on katkennut: {got} tavua, otsake puuttuu", source);
        var version = BinaryPrimitives.ReadUInt32LittleEndian(prefix.AsSpan(8));
        if (version == 0 || version > FormatVersion)
            throw new InputException($"enkooderitiedoston versio {version} on uudempi kuin tämä SosRap osaa lukea ({FormatVersion}); päivitä SosRap tai opeta enkooderi uudelleen", source);
        var headerLength = BinaryPrimitives.ReadUInt32LittleEndian(prefix.AsSpan(12));
        if (headerLength is 0 or > MaxHeaderLength || (PrefixLength + headerLength) % Alignment != 0)
            throw new InputException($"otsakkeen pituus {headerLength} on virheellinen", source);
        if (stream.CanSeek && stream.Length < PrefixLength + headerLength)
            throw new InputException($"tiedosto on katkennut: {stream.Length} tavua, otsake vaatii {PrefixLength + headerLength}", source);
        var header = new byte[headerLength];
        got = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (got < header.Length)
            throw new InputException($"tiedosto on katkennut kesken otsakkeen ({PrefixLength + got} tavua)", source);

        HeaderData h;
        try
        {
            using var json = JsonDocument.Parse(header);
            h = ParseHeader(json.RootElement, source);
        }
        catch (JsonException e)
        {
            throw new InputException($"otsake ei ole kelvollista JSONia ({e.Message})", source, inner: e);
        }

        var expectedLength = PrefixLength + headerLength + h.DataLength;
        if (stream.CanSeek && stream.Length != expectedLength)
        {
            throw new InputException(stream.Length < expectedLength
                ? $"tiedosto on katkennut: {stream.Length} tavua, otsakkeen mukaan {expectedLength}"
                : $"tiedostossa on {stream.Length - expectedLength} ylimääräistä tavua datan jälkeen", source);
        }

        var crc = 0u;
        long position = 0;
        var scratch = new byte[1 << 16];
        foreach (var t in h.Tensors.OrderBy(t => t.Offset))
        {
            crc = await SkipAsync(stream, t.Offset - position, crc, scratch, source, cancellationToken).ConfigureAwait(false);
            crc = await ReadTensorAsync(stream, t, crc, scratch, source, cancellationToken).ConfigureAwait(false);
            position = t.Offset + t.Length;
        }

        crc = await SkipAsync(stream, h.DataLength - position, crc, scratch, source, cancellationToken).ConfigureAwait(false);
        if (crc != h.DataCrc)
            throw new InputException($"tiedosto on vioittunut: datan tarkistussumma {crc:x8} ei vastaa otsakkeen arvoa {h.DataCrc:x8}", source);

        try
        {
            return h.Build();
        }
        catch (ArgumentException e)
        {
            throw new InputException($"tiedoston sisältö on ristiriitainen: {e.Message}", source, inner: e);
        }
    }

    private static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Encoder files are little-endian; big-endian machines are not supported.");
    }

    private sealed record TensorOut(string Name, string DType, long[] Shape, long Offset, ReadOnlyMemory<byte> Bytes);

    private static List<TensorOut> Layout(EncoderModel model, out long dataLength)
    {
        var f = model.Features;
        var list = new List<TensorOut>();
        long offset = 0;
        void Add(string name, string dtype, long[] shape, ReadOnlyMemory<byte> bytes)
        {
            list.Add(new TensorOut(name, dtype, shape, offset, bytes));
            offset = Align(offset + bytes.Length);
        }

        Add("embedding", "F32", [f.RowCount, model.EmbeddingDimension], AsBytes(model.Embedding));
        Add("term_weights", "F32", [f.Vocabulary.Count], AsBytes(f.TermWeights.ToArray()));
        if (f.Options.Ngrams) Add("known_buckets", "U8", [f.Options.Buckets], f.KnownBuckets.ToArray());
        if (model.ProjectionWeight is { } pw) Add("projection.weight", "F32", [model.Dimension, model.EmbeddingDimension], AsBytes(pw));
        if (model.ProjectionBias is { } pb) Add("projection.bias", "F32", [model.Dimension], AsBytes(pb));
        if (model.ClassifierWeight is { } cw) Add("classifier.weight", "F32", [model.Categories.Count, model.Dimension], AsBytes(cw));
        if (model.ClassifierBias is { } cb) Add("classifier.bias", "F32", [model.Categories.Count], AsBytes(cb));
        dataLength = offset;
        return list;
    }

    private static ReadOnlyMemory<byte> AsBytes(float[] values)
    {
        var bytes = new byte[values.LongLength * sizeof(float)];
        MemoryMarshal.AsBytes(values.AsSpan()).CopyTo(bytes);
        return bytes;
    }

    private static long Align(long offset) => (offset + Alignment - 1) / Alignment * Alignment;

    private static byte[] Header(EncoderModel model, List<TensorOut> tensors, long dataLength, uint crc)
    {
        var f = model.Features;
        var o = f.Options;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("format", FormatName);
            w.WriteNumber("dimension", model.Dimension);
            w.WriteNumber("embedding_dimension", model.EmbeddingDimension);
            w.WriteString("activation", Name(model.Activation));
            w.WriteStartObject("features");
            w.WriteBoolean("compound_parts", o.CompoundParts);
            if (o.Ngrams)
            {
                w.WriteStartObject("ngrams");
                w.WriteNumber("min", o.MinNgram);
                w.WriteNumber("max", o.MaxNgram);
                w.WriteNumber("buckets", o.Buckets);
                w.WriteNumber("weight", o.NgramWeight);
                w.WriteNumber("max_word_length", EncoderFeatures.MaxNgramWordLength);
                w.WriteString("hash", HashName);
                w.WriteEndObject();
            }

            w.WriteNumber("min_count", o.MinCount);
            w.WriteNumber("max_vocabulary", o.MaxVocabulary);
            w.WriteString("term_weighting", Name(o.TermWeighting));
            w.WriteString("pooling", Name(o.Pooling));
            w.WriteNumber("oov_weight", f.OutOfVocabularyWeight);
            w.WriteEndObject();
            w.WriteStartArray("vocabulary");
            foreach (var word in f.Vocabulary) w.WriteStringValue(word);
            w.WriteEndArray();
            w.WriteStartArray("categories");
            foreach (var c in model.Categories) w.WriteStringValue(c);
            w.WriteEndArray();
            w.WriteStartObject("tensors");
            foreach (var t in tensors)
            {
                w.WriteStartObject(t.Name);
                w.WriteString("dtype", t.DType);
                w.WriteStartArray("shape");
                foreach (var s in t.Shape) w.WriteNumberValue(s);
                w.WriteEndArray();
                w.WriteNumber("offset", t.Offset);
                w.WriteNumber("length", t.Bytes.Length);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteNumber("data_length", dataLength);
            w.WriteNumber("data_crc32", crc);
            if (model.TrainingInfoJson is { } info)
            {
                w.WritePropertyName("training");
                w.WriteRawValue(info);
            }

            w.WriteEndObject();
        }

        var json = buffer.ToArray();
        var padded = (int)Align(PrefixLength + json.Length) - PrefixLength;
        var header = new byte[padded];
        json.CopyTo(header, 0);
        header.AsSpan(json.Length).Fill((byte)' ');
        return header;
    }

    private static string Name(EncoderActivation a) => a == EncoderActivation.Tanh ? "tanh" : "none";

    private static string Name(EncoderTermWeighting t) => t == EncoderTermWeighting.Idf ? "idf" : "uniform";

    private static string Name(EncoderPooling p) => p == EncoderPooling.SqrtN ? "sqrt_n" : "mean";

    private sealed record TensorIn(string Name, long Offset, long Length, float[]? Floats, byte[]? Bytes)
    {
        public Span<byte> Target => Floats is not null ? MemoryMarshal.AsBytes(Floats.AsSpan()) : Bytes.AsSpan();
    }

    private sealed class HeaderData
    {
        public required EncoderFeatureOptions Options { get; init; }
        public required string[] Vocabulary { get; init; }
        public required string[] Categories { get; init; }
        public required int Dimension { get; init; }
        public required int EmbeddingDimension { get; init; }
        public required EncoderActivation Activation { get; init; }
        public required float OovWeight { get; init; }
        public required long DataLength { get; init; }
        public required uint DataCrc { get; init; }
        public required string? Training { get; init; }
        public required List<TensorIn> Tensors { get; init; }
        public required float[] Embedding { get; init; }
        public required float[] TermWeights { get; init; }
        public required byte[] KnownBuckets { get; init; }
        public float[]? ProjectionWeight { get; init; }
        public float[]? ProjectionBias { get; init; }
        public float[]? ClassifierWeight { get; init; }
        public float[]? ClassifierBias { get; init; }

        public EncoderModel Build() => new(
            new EncoderFeatures(Options, Vocabulary, TermWeights, OovWeight, KnownBuckets),
            EmbeddingDimension, Embedding, ProjectionWeight, ProjectionBias, Dimension, Activation, Categories,
            ClassifierWeight, ClassifierBias, Training);
    }

    private static HeaderData ParseHeader(JsonElement root, string source)
    {
        InputException Bad(string field, string problem) => new(problem, source, field: field);
        JsonElement Get(JsonElement parent, string name, JsonValueKind kind, string path)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
                throw Bad(path, "kenttä puuttuu otsakkeesta");
            if (value.ValueKind != kind && !(kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False))
                throw Bad(path, $"odotettiin tyyppiä {kind}, oli {value.ValueKind}");
            return value;
        }

        int Int(JsonElement parent, string name, string path, int min, int max)
        {
            var e = Get(parent, name, JsonValueKind.Number, path);
            if (!e.TryGetInt32(out var v) || v < min || v > max)
                throw Bad(path, $"arvon on oltava kokonaisluku väliltä {min}–{max}");
            return v;
        }

        string[] Strings(JsonElement parent, string name)
        {
            var array = Get(parent, name, JsonValueKind.Array, name);
            var list = new string[array.GetArrayLength()];
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String) throw Bad(name, $"alkio {i + 1} ei ole merkkijono");
                list[i++] = item.GetString()!;
            }

            return list;
        }

        if (root.ValueKind != JsonValueKind.Object) throw Bad("format", "otsake ei ole JSON-olio");
        if (Get(root, "format", JsonValueKind.String, "format").GetString() != FormatName)
            throw Bad("format", $"odotettiin arvoa '{FormatName}'");
        var dimension = Int(root, "dimension", "dimension", 1, 1 << 16);
        var embeddingDimension = Int(root, "embedding_dimension", "embedding_dimension", 1, 1 << 16);
        var activation = Get(root, "activation", JsonValueKind.String, "activation").GetString() switch
        {
            "none" => EncoderActivation.None,
            "tanh" => EncoderActivation.Tanh,
            var other => throw Bad("activation", $"tuntematon aktivointi '{other}'"),
        };
        var features = Get(root, "features", JsonValueKind.Object, "features");
        var compoundParts = Get(features, "compound_parts", JsonValueKind.True, "features.compound_parts").GetBoolean();
        int minNgram = 0, maxNgram = 0, buckets = 1;
        var ngramWeight = 1f;
        if (features.TryGetProperty("ngrams", out var ngrams))
        {
            minNgram = Int(ngrams, "min", "features.ngrams.min", 1, 10);
            maxNgram = Int(ngrams, "max", "features.ngrams.max", minNgram, 10);
            buckets = Int(ngrams, "buckets", "features.ngrams.buckets", 1, 1 << 24);
            ngramWeight = Get(ngrams, "weight", JsonValueKind.Number, "features.ngrams.weight").GetSingle();
            if (!float.IsFinite(ngramWeight) || ngramWeight is < 0 or > 100) throw Bad("features.ngrams.weight", "arvon on oltava väliltä 0–100");
            if (Int(ngrams, "max_word_length", "features.ngrams.max_word_length", 1, 1 << 20) != EncoderFeatures.MaxNgramWordLength)
                throw Bad("features.ngrams.max_word_length", $"vain arvo {EncoderFeatures.MaxNgramWordLength} on tuettu");
            if (Get(ngrams, "hash", JsonValueKind.String, "features.ngrams.hash").GetString() != HashName)
                throw Bad("features.ngrams.hash", $"vain tiiviste '{HashName}' on tuettu");
        }

        var weighting = Get(features, "term_weighting", JsonValueKind.String, "features.term_weighting").GetString() switch
        {
            "idf" => EncoderTermWeighting.Idf,
            "uniform" => EncoderTermWeighting.Uniform,
            var other => throw Bad("features.term_weighting", $"tuntematon painotus '{other}'"),
        };
        var pooling = Get(features, "pooling", JsonValueKind.String, "features.pooling").GetString() switch
        {
            "mean" => EncoderPooling.Mean,
            "sqrt_n" => EncoderPooling.SqrtN,
            var other => throw Bad("features.pooling", $"tuntematon yhdistäminen '{other}'"),
        };
        var options = new EncoderFeatureOptions
        {
            CompoundParts = compoundParts,
            MinNgram = minNgram,
            MaxNgram = maxNgram,
            Buckets = buckets,
            NgramWeight = ngramWeight,
            MinCount = Int(features, "min_count", "features.min_count", 1, int.MaxValue),
            MaxVocabulary = Int(features, "max_vocabulary", "features.max_vocabulary", 0, 10_000_000),
            TermWeighting = weighting,
            Pooling = pooling,
        };
        var oov = Get(features, "oov_weight", JsonValueKind.Number, "features.oov_weight").GetSingle();
        var vocabulary = Strings(root, "vocabulary");
        var categories = Strings(root, "categories");
        var dataLength = Get(root, "data_length", JsonValueKind.Number, "data_length").GetInt64();
        if (dataLength < 0) throw Bad("data_length", "pituus ei voi olla negatiivinen");
        var crc = Get(root, "data_crc32", JsonValueKind.Number, "data_crc32").GetUInt32();
        string? training = root.TryGetProperty("training", out var t) ? t.GetRawText() : null;

        var table = Get(root, "tensors", JsonValueKind.Object, "tensors");
        var tensors = new List<TensorIn>();
        T[]? Tensor<T>(string name, string dtype, long[] shape, bool required)
            where T : unmanaged
        {
            var path = "tensors." + name;
            if (!table.TryGetProperty(name, out var spec))
            {
                if (required) throw Bad(path, "tensori puuttuu");
                return null;
            }

            if (Get(spec, "dtype", JsonValueKind.String, path + ".dtype").GetString() != dtype)
                throw Bad(path + ".dtype", $"odotettiin tyyppiä {dtype}");
            var shapeJson = Get(spec, "shape", JsonValueKind.Array, path + ".shape");
            var actual = shapeJson.EnumerateArray().Select(s => s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var v) ? v : -1).ToArray();
            if (!actual.SequenceEqual(shape))
                throw Bad(path + ".shape", $"muoto [{string.Join(", ", actual)}] ei vastaa otsakkeen mittoja [{string.Join(", ", shape)}]");
            var count = shape.Aggregate(1L, (a, b) => checked(a * b));
            var bytes = checked(count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
            if (bytes > int.MaxValue) throw Bad(path + ".shape", "tensori on yli 2 GiB; sitä ei tueta");
            var offset = Get(spec, "offset", JsonValueKind.Number, path + ".offset").GetInt64();
            if (offset < 0 || offset + bytes > dataLength)
                throw Bad(path + ".offset", $"tensori ({offset}+{bytes} tavua) ei mahdu dataosaan ({dataLength} tavua)");
            if (tensors.Any(o => offset < o.Offset + o.Length && o.Offset < offset + bytes))
                throw Bad(path + ".offset", "tensori menee toisen tensorin päälle");
            var values = new T[count];
            tensors.Add(new TensorIn(name, offset, bytes, values as float[], values as byte[]));
            return values;
        }

        var rows = (long)vocabulary.Length + (options.Ngrams ? buckets : 0);
        return new HeaderData
        {
            Options = options,
            Vocabulary = vocabulary,
            Categories = categories,
            Dimension = dimension,
            EmbeddingDimension = embeddingDimension,
            Activation = activation,
            OovWeight = oov,
            DataLength = dataLength,
            DataCrc = crc,
            Training = training,
            Tensors = tensors,
            Embedding = Tensor<float>("embedding", "F32", [rows, embeddingDimension], true)!,
            TermWeights = Tensor<float>("term_weights", "F32", [vocabulary.Length], true)!,
            KnownBuckets = options.Ngrams ? Tensor<byte>("known_buckets", "U8", [buckets], true)! : [],
            ProjectionWeight = Tensor<float>("projection.weight", "F32", [dimension, embeddingDimension], false),
            ProjectionBias = Tensor<float>("projection.bias", "F32", [dimension], false),
            ClassifierWeight = Tensor<float>("classifier.weight", "F32", [categories.Length, dimension], false),
            ClassifierBias = Tensor<float>("classifier.bias", "F32", [categories.Length], false),
        };
    }

    // Reads through a scratch buffer: a Memory<byte> cannot view a float[] directly.
    private static async Task<uint> ReadTensorAsync(Stream stream, TensorIn tensor, uint crc, byte[] scratch, string source, CancellationToken cancellationToken)
    {
        long done = 0;
        while (done < tensor.Length)
        {
            var n = (int)Math.Min(tensor.Length - done, scratch.Length);
            crc = await ReadIntoAsync(stream, scratch.AsMemory(0, n), crc, source, cancellationToken).ConfigureAwait(false);
            scratch.AsSpan(0, n).CopyTo(tensor.Target[(int)done..]);
            done += n;
        }

        return crc;
    }

    private static async Task<uint> ReadIntoAsync(Stream stream, Memory<byte> target, uint crc, string source, CancellationToken cancellationToken)
    {
        var got = await stream.ReadAtLeastAsync(target, target.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (got < target.Length) throw new InputException("tiedosto on katkennut kesken datan", source);
        return Crc32.Append(crc, target.Span);
    }

    private static async Task<uint> SkipAsync(Stream stream, long count, uint crc, byte[] scratch, string source, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            var n = (int)Math.Min(count, scratch.Length);
            crc = await ReadIntoAsync(stream, scratch.AsMemory(0, n), crc, source, cancellationToken).ConfigureAwait(false);
            count -= n;
        }

        return crc;
    }

    private static uint AppendZeros(uint crc, long count)
    {
        Span<byte> zeros = stackalloc byte[Alignment];
        zeros.Clear();
        while (count > 0)
        {
            var n = (int)Math.Min(count, zeros.Length);
            crc = Crc32.Append(crc, zeros[..n]);
            count -= n;
        }

        return crc;
    }

    private static async Task WriteZerosAsync(Stream stream, long count, CancellationToken cancellationToken)
    {
        if (count > 0) await stream.WriteAsync(new byte[count], cancellationToken).ConfigureAwait(false);
    }
}

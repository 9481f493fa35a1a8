using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using SosRap.Pipeline.Features;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Embeddings;

/// <summary>
/// Latent semantic analysis as an <see cref="IEmbedder"/> (name <c>lsa</c>): the tf-idf vector of a
/// text (<see cref="Features"/>) projected on the leading right singular vectors of the fitting
/// corpus, scaled per <see cref="Weighting"/> and normalised to unit length. Made by
/// <see cref="LsaEstimator"/> or <see cref="Load"/>; immutable and thread-safe. An embedding costs
/// one featurization plus one multiply-add of a <see cref="Dimension"/>-float row per feature of
/// the text, and allocates nothing.
/// </summary>
public sealed class LsaEmbedder : IEmbedder
{
    internal const string Magic = "SOSRAPLS";
    internal const int FormatVersion = 1;
    internal const string FileDescription = "LSA-malli";

    private readonly double[] _singularValues;

    // Features × Dimension, row-major, already scaled by the weighting; the unscaled V is kept for saving.
    private readonly float[] _projection;
    private readonly float[] _rightVectors;

    internal LsaEmbedder(TfidfModel features, LsaWeighting weighting, double[] singularValues, float[] rightVectors)
    {
        Features = features;
        Weighting = weighting;
        _singularValues = singularValues;
        _rightVectors = rightVectors;
        Dimension = singularValues.Length;
        if (Dimension == 0 || rightVectors.Length != (long)features.FeatureCount * Dimension)
            throw new InvalidDataException($"The projection has {rightVectors.Length} values, expected {features.FeatureCount} × {Dimension}.");
        if (weighting == LsaWeighting.Sigma)
        {
            _projection = rightVectors;
        }
        else
        {
            var scale = new float[Dimension];
            for (var c = 0; c < Dimension; c++)
                scale[c] = (float)(weighting == LsaWeighting.Whitened ? 1 / singularValues[c] : 1 / Math.Sqrt(singularValues[c]));
            _projection = new float[rightVectors.Length];
            for (var row = 0; row < features.FeatureCount; row++)
                TensorPrimitives.Multiply(rightVectors.AsSpan(row * Dimension, Dimension), scale, _projection.AsSpan(row * Dimension, Dimension));
        }
    }

    /// <inheritdoc />
    public string Name => "lsa";

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>The featurizer whose vectors are projected.</summary>
    public TfidfModel Features { get; }

    /// <summary>How components are scaled.</summary>
    public LsaWeighting Weighting { get; }

    /// <summary>Singular values of the fitting corpus's tf-idf matrix, largest first (one per dimension).</summary>
    public ReadOnlySpan<double> SingularValues => _singularValues;

    /// <inheritdoc />
    public bool TryEmbed(string text, AnalyzedText analysis, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        CheckDestination(destination);
        var max = Features.GetMaxEntryCount(analysis);
        if (max == 0)
        {
            destination.Clear();
            return false;
        }

        var ids = ArrayPool<int>.Shared.Rent(max);
        var values = ArrayPool<float>.Shared.Rent(max);
        try
        {
            var n = Features.TransformCore(analysis, ids, values);
            return Project(ids.AsSpan(0, n), values.AsSpan(0, n), destination);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(ids);
            ArrayPool<float>.Shared.Return(values);
        }
    }

    /// <summary>Embeds a vector already made by <see cref="Features"/> (e.g. a row of a featurized corpus).</summary>
    public bool TryEmbed(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> destination)
    {
        CheckDestination(destination);
        if (indices.Length != values.Length) throw new ArgumentException("indices and values differ in length.", nameof(values));
        foreach (var id in indices)
        {
            if ((uint)id >= (uint)Features.FeatureCount)
                throw new ArgumentOutOfRangeException(nameof(indices), id, $"The featurizer has {Features.FeatureCount} features.");
        }

        return Project(indices, values, destination);
    }

    /// <summary>Saves the featurizer and the projection atomically in one versioned binary file.</summary>
    public Task SaveAsync(string path, CancellationToken cancellationToken = default) =>
        ModelFile.SaveAsync(path, Magic, FormatVersion, Write, cancellationToken);

    /// <summary>Loads a model saved by <see cref="SaveAsync"/>.</summary>
    /// <exception cref="InputException">The file is not an LSA model, has another format version, or is truncated or corrupted.</exception>
    public static LsaEmbedder Load(string path) => ModelFile.Load(path, Magic, FileDescription, FormatVersion, Read);

    private bool Project(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> destination)
    {
        destination.Clear();
        var d = Dimension;
        for (var k = 0; k < indices.Length; k++)
        {
            var row = _projection.AsSpan(indices[k] * d, d);
            TensorPrimitives.MultiplyAdd(row, values[k], destination, destination);
        }

        var norm = TensorPrimitives.Norm(destination);
        // A text whose features all lie outside the kept components has nothing to compare.
        if (!(norm > 1e-12f))
        {
            destination.Clear();
            return false;
        }

        TensorPrimitives.Divide(destination, norm, destination);
        return true;
    }

    private void CheckDestination(Span<float> destination)
    {
        if (destination.Length != Dimension)
            throw new ArgumentException($"The destination has {destination.Length} floats; the embedding has {Dimension}.", nameof(destination));
    }

    private void Write(BinaryWriter w)
    {
        Features.Write(w);
        w.Write((int)Weighting);
        w.Write(Dimension);
        foreach (var s in _singularValues) w.Write(s);
        // Raw floats in the machine's byte order; the format is little-endian (x64, Arm64).
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("LSA model files are little-endian.");
        w.Write(MemoryMarshal.AsBytes(_rightVectors.AsSpan()));
    }

    private static LsaEmbedder Read(BinaryReader r)
    {
        var features = TfidfModel.Read(r);
        var weighting = (LsaWeighting)r.ReadInt32();
        if (!Enum.IsDefined(weighting)) throw new InvalidDataException($"tuntematon painotus {(int)weighting}");
        var dimension = ModelFile.ReadCount(r, 8, "ulottuvuus");
        if (dimension == 0) throw new InvalidDataException("ulottuvuus on 0");
        var sigma = new double[dimension];
        for (var i = 0; i < dimension; i++)
        {
            sigma[i] = r.ReadDouble();
            if (!(sigma[i] > 0) || !double.IsFinite(sigma[i])) throw new InvalidDataException($"singulaariarvo {i} ei ole positiivinen");
        }

        var count = (long)features.FeatureCount * dimension;
        if (count > Array.MaxLength) throw new InvalidDataException("projektio on liian suuri");
        ModelFile.EnsureRemaining(r, count * sizeof(float), "projektio");
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("LSA model files are little-endian.");
        var vectors = new float[count];
        var bytes = MemoryMarshal.AsBytes(vectors.AsSpan());
        while (bytes.Length > 0)
        {
            var n = r.Read(bytes);
            if (n == 0) throw new EndOfStreamException();
            bytes = bytes[n..];
        }

        return new LsaEmbedder(features, weighting, sigma, vectors);
    }
}

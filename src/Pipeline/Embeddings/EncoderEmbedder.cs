using System.Buffers;
using System.Numerics.Tensors;
using SosRap.Pipeline.Embeddings.Encoder;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Embeddings;

/// <summary>
/// The trained SosRap encoder (<c>sosrap train-encoder</c>) as an <see cref="IEmbedder"/>, in plain
/// C#: looks up the rows of a text's lemmas, compound parts and character n-grams, takes their
/// weighted sum, projects, and L2-normalises, exactly as the torch model that was trained
/// (docs/encoder.md). Loads an encoder file or folder; immutable and thread-safe; a call allocates
/// nothing beyond pooled buffers.
/// </summary>
public sealed class EncoderEmbedder : IEmbedder
{
    private const int StackFloats = 1024;

    private readonly EncoderModel _model;
    private readonly EncoderFeatures _features;
    private readonly float[] _table;
    private readonly float[]? _projection;
    private readonly float[]? _bias;
    private readonly int _width;

    /// <summary>Wraps a loaded or freshly trained model.</summary>
    public EncoderEmbedder(EncoderModel model)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _features = model.Features;
        _table = model.Embedding;
        _projection = model.ProjectionWeight;
        _bias = model.ProjectionBias;
        _width = model.EmbeddingDimension;
    }

    /// <summary>Loads the encoder file at <paramref name="path"/> (or the <c>encoder.bin</c> of that folder).</summary>
    /// <exception cref="InputException">The file is not a readable encoder file.</exception>
    public static async Task<EncoderEmbedder> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        new(await EncoderFile.LoadAsync(path, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public string Name => "encoder";

    /// <inheritdoc/>
    public int Dimension => _model.Dimension;

    /// <summary>The model behind this embedder.</summary>
    public EncoderModel Model => _model;

    /// <inheritdoc/>
    public bool TryEmbed(string text, AnalyzedText analysis, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (destination.Length != Dimension)
            throw new ArgumentException($"The destination has {destination.Length} floats; the encoder writes {Dimension}.", nameof(destination));
        destination.Clear();
        var terms = analysis.Terms;
        if (terms.Count == 0) return false;

        var bound = _features.MaxFeatureCount(terms);
        var rows = ArrayPool<int>.Shared.Rent(bound);
        var weights = ArrayPool<float>.Shared.Rent(bound);
        float[]? rented = null;
        try
        {
            var count = _features.Featurize(terms, default, rows, weights);
            if (count == 0) return false;
            var sum = _width <= StackFloats ? stackalloc float[_width] : (rented = ArrayPool<float>.Shared.Rent(_width)).AsSpan(0, _width);
            sum.Clear();
            for (var i = 0; i < count; i++)
            {
                var row = _table.AsSpan(rows[i] * _width, _width);
                TensorPrimitives.MultiplyAdd(row, weights[i], sum, sum);
            }

            return Finish(sum, destination);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rows);
            ArrayPool<float>.Shared.Return(weights);
            if (rented is not null) ArrayPool<float>.Shared.Return(rented);
        }
    }

    // Projection, activation and normalisation of the pooled row sum.
    private bool Finish(ReadOnlySpan<float> sum, Span<float> destination)
    {
        if (_projection is null)
        {
            sum.CopyTo(destination);
        }
        else
        {
            for (var j = 0; j < destination.Length; j++)
                destination[j] = TensorPrimitives.Dot(_projection.AsSpan(j * _width, _width), sum) + (_bias is null ? 0f : _bias[j]);
            if (_model.Activation == EncoderActivation.Tanh) TensorPrimitives.Tanh(destination, destination);
        }

        var norm = TensorPrimitives.Norm(destination);
        if (!(norm > 0f) || !float.IsFinite(norm))
        {
            destination.Clear();
            return false;
        }

        TensorPrimitives.Multiply(destination, 1f / norm, destination);
        return true;
    }
}

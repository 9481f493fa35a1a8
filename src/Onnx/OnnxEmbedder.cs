using System.Numerics.Tensors;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;
using SosRap.Pipeline;
using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Text;

namespace SosRap.Onnx;

/// <summary>
/// A sentence-embedding ONNX model that the user brings (e.g. a BERT or E5 export), as an
/// <see cref="IEmbedder"/>: tokenizes the raw text with the model's own tokenizer (a WordPiece
/// <c>vocab.txt</c> next to the model), runs the model with ONNX Runtime, mean-pools the token vectors
/// over the attention mask (or takes the model's pooled <c>sentence_embedding</c> output) and
/// L2-normalises. Reads <c>text</c>, not the lemma analysis. Thread-safe (ONNX Runtime sessions are).
/// </summary>
public sealed class OnnxEmbedder : IEmbedder, IDisposable
{
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly OnnxEmbedderOptions _options;
    private readonly string _outputName;
    private readonly bool _hasTokenTypes;
    private readonly bool _pooled;

    private OnnxEmbedder(InferenceSession session, BertTokenizer tokenizer, OnnxEmbedderOptions options, string modelPath)
    {
        _session = session;
        _tokenizer = tokenizer;
        _options = options;
        var inputs = session.InputMetadata;
        foreach (var required in new[] { "input_ids", "attention_mask" })
        {
            if (!inputs.ContainsKey(required))
                throw new InputException($"mallilla ei ole syötettä '{required}' (syötteet: {string.Join(", ", inputs.Keys)})", modelPath);
        }

        var extra = inputs.Keys.Except(["input_ids", "attention_mask", "token_type_ids"]).ToList();
        if (extra.Count > 0) throw new InputException($"mallin syötteitä ei tunneta: {string.Join(", ", extra)}", modelPath);
        _hasTokenTypes = inputs.ContainsKey("token_type_ids");

        var outputs = session.OutputMetadata;
        _outputName = options.OutputName
            ?? new[] { "sentence_embedding", "last_hidden_state", "token_embeddings" }.FirstOrDefault(outputs.ContainsKey)
            ?? outputs.Keys.First();
        if (!outputs.TryGetValue(_outputName, out var output))
            throw new InputException($"mallilla ei ole tulosta '{_outputName}' (tulosteet: {string.Join(", ", outputs.Keys)})", modelPath);
        if (output.ElementType != typeof(float) || output.Dimensions.Length is not (2 or 3))
            throw new InputException($"tulosteen '{_outputName}' pitää olla float32-tensori [erä, ulottuvuus] tai [erä, saneet, ulottuvuus]", modelPath);
        _pooled = output.Dimensions.Length == 2;
        var last = output.Dimensions[^1];
        Dimension = last > 0 ? last : Probe();
    }

    /// <summary>
    /// Loads <paramref name="modelPath"/> (<c>model.onnx</c>) and the WordPiece vocabulary
    /// <c>vocab.txt</c> from the same folder.
    /// </summary>
    /// <exception cref="InputException">The model or its tokenizer file is missing or unusable.</exception>
    public static OnnxEmbedder Load(string modelPath, OnnxEmbedderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        options = (options ?? new OnnxEmbedderOptions()).Validate();
        if (!File.Exists(modelPath)) throw new InputException("ONNX-mallia ei löydy", modelPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(modelPath))!;
        var vocabulary = Path.Combine(folder, "vocab.txt");
        if (!File.Exists(vocabulary))
            throw new InputException("mallin vieressä ei ole WordPiece-sanastoa vocab.txt", modelPath);
        var lower = options.LowerCase ?? ReadLowerCase(Path.Combine(folder, "tokenizer_config.json")) ?? true;
        BertTokenizer tokenizer;
        try
        {
            tokenizer = BertTokenizer.Create(vocabulary, new BertOptions { LowerCaseBeforeTokenization = lower });
        }
        catch (ArgumentException e)
        {
            // e.g. a special token ([CLS], [SEP], [PAD], [UNK], [MASK]) missing from the vocabulary
            throw new InputException($"WordPiece-sanasto ei kelpaa: {e.Message}", vocabulary, inner: e);
        }

        var sessionOptions = new SessionOptions { IntraOpNumThreads = options.IntraOpThreads, InterOpNumThreads = 1 };
        InferenceSession session;
        try
        {
            session = new InferenceSession(modelPath, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InputException($"ONNX-mallia ei voi ladata: {e.Message}", modelPath, inner: e);
        }
        finally
        {
            sessionOptions.Dispose();
        }

        try
        {
            return new OnnxEmbedder(session, tokenizer, options, modelPath);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public string Name => "onnx";

    /// <inheritdoc/>
    public int Dimension { get; }

    /// <summary>The token ids the model gets for <paramref name="text"/>: [CLS] … [SEP], cut to <see cref="OnnxEmbedderOptions.MaxTokens"/>.</summary>
    public IReadOnlyList<int> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _tokenizer.EncodeToIds(text, _options.MaxTokens, addSpecialTokens: true, out _, out _);
    }

    /// <inheritdoc/>
    public bool TryEmbed(string text, AnalyzedText analysis, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (destination.Length != Dimension)
            throw new ArgumentException($"The destination has {destination.Length} floats; the model writes {Dimension}.", nameof(destination));
        destination.Clear();
        var ids = Tokenize(text);
        // Only [CLS] and [SEP]: the text has nothing the model can read.
        if (ids.Count <= 2) return false;
        Run(ids, destination);
        var norm = TensorPrimitives.Norm(destination);
        if (!(norm > 0f) || !float.IsFinite(norm))
        {
            destination.Clear();
            return false;
        }

        TensorPrimitives.Multiply(destination, 1f / norm, destination);
        return true;
    }

    /// <inheritdoc/>
    public void Dispose() => _session.Dispose();

    private void Run(IReadOnlyList<int> ids, Span<float> destination)
    {
        var data = Infer(ids, out var shape, out var mask);
        var width = (int)shape[^1];
        if (width != destination.Length)
            throw new InvalidOperationException($"The model returned vectors of {width} floats; {destination.Length} were expected.");
        if (_pooled)
        {
            data.AsSpan(0, width).CopyTo(destination);
            return;
        }

        MaskedMean(data, mask, width, destination);
    }

    /// <summary>Mean of the token vectors (tokens × width, row-major) whose attention mask is 1.</summary>
    internal static void MaskedMean(ReadOnlySpan<float> tokens, ReadOnlySpan<long> mask, int width, Span<float> destination)
    {
        destination.Clear();
        var kept = 0;
        for (var t = 0; t < mask.Length; t++)
        {
            if (mask[t] == 0) continue;
            TensorPrimitives.Add(destination, tokens.Slice(t * width, width), destination);
            kept++;
        }

        if (kept > 0) TensorPrimitives.Multiply(destination, 1f / kept, destination);
    }

    // One text through the model: input_ids, an all-ones attention mask and (when the model takes
    // them) zero token types; returns the chosen output and its shape.
    private float[] Infer(IReadOnlyList<int> ids, out long[] shape, out long[] mask)
    {
        var n = ids.Count;
        var idData = new long[n];
        for (var i = 0; i < n; i++) idData[i] = ids[i];
        mask = new long[n];
        Array.Fill(mask, 1L);
        long[] inputShape = [1, n];
        using var idValue = OrtValue.CreateTensorValueFromMemory(idData, inputShape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, inputShape);
        using var typeValue = _hasTokenTypes ? OrtValue.CreateTensorValueFromMemory(new long[n], inputShape) : null;
        var names = _hasTokenTypes ? new[] { "input_ids", "attention_mask", "token_type_ids" } : new[] { "input_ids", "attention_mask" };
        var values = _hasTokenTypes ? new[] { idValue, maskValue, typeValue! } : new[] { idValue, maskValue };
        using var runOptions = new RunOptions();
        using var results = _session.Run(runOptions, names, values, [_outputName]);
        shape = results[0].GetTensorTypeAndShape().Shape;
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }

    // The output width when the model declares it symbolically: embed one short text.
    private int Probe()
    {
        Infer(_tokenizer.EncodeToIds("a", _options.MaxTokens, addSpecialTokens: true, out _, out _), out var shape, out _);
        return (int)shape[^1];
    }

    private static bool? ReadLowerCase(string configPath)
    {
        if (!File.Exists(configPath)) return null;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(configPath));
            return json.RootElement.TryGetProperty("do_lower_case", out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;
        }
        catch (JsonException e)
        {
            throw new InputException($"tokenizer_config.json ei ole kelvollista JSONia ({e.Message})", configPath, inner: e);
        }
    }
}

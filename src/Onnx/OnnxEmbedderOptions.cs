namespace SosRap.Onnx;

/// <summary>How <see cref="OnnxEmbedder"/> tokenizes and pools. Validated once by <see cref="Validate"/>.</summary>
public sealed record OnnxEmbedderOptions
{
    /// <summary>Most tokens fed to the model, special tokens included; longer texts are cut (BERT-style models allow 512 at most).</summary>
    public int MaxTokens { get; init; } = 256;

    /// <summary>
    /// Lower-case before WordPiece tokenization (uncased BERT vocabularies). Null reads
    /// <c>do_lower_case</c> from <c>tokenizer_config.json</c> next to the model, else lower-cases.
    /// </summary>
    public bool? LowerCase { get; init; }

    /// <summary>
    /// Name of the model output to use. Null picks <c>sentence_embedding</c> when there is one, else
    /// <c>last_hidden_state</c> / <c>token_embeddings</c>, else the first output.
    /// </summary>
    public string? OutputName { get; init; }

    /// <summary>Threads ONNX Runtime may use within one call (0 lets it choose).</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Checks every value; throws <see cref="ArgumentOutOfRangeException"/> naming the bad one.</summary>
    public OnnxEmbedderOptions Validate()
    {
        if (MaxTokens is < 3 or > 8192)
            throw new ArgumentOutOfRangeException(nameof(MaxTokens), MaxTokens, "MaxTokens must be between 3 and 8192.");
        if (IntraOpThreads is < 0 or > 256)
            throw new ArgumentOutOfRangeException(nameof(IntraOpThreads), IntraOpThreads, "IntraOpThreads must be between 0 and 256.");
        if (OutputName is { Length: 0 })
            throw new ArgumentException("OutputName must not be empty.", nameof(OutputName));
        return this;
    }
}

namespace SosRap.Pipeline.Features;

/// <summary>
/// What <see cref="TfidfEstimator"/> turns into features and how it weights them. Validated once,
/// when an estimator is made; a fitted <see cref="TfidfModel"/> keeps the options it was fitted with
/// (they are saved with it).
/// </summary>
public sealed record TfidfOptions
{
    /// <summary>tf-idf (default) or BM25.</summary>
    public TermWeighting Weighting { get; init; } = TermWeighting.TfIdf;

    /// <summary>tf-idf only: use <c>1 + ln(count)</c> instead of the count (counts below 1, from part and n-gram weights, stay linear).</summary>
    public bool SublinearTf { get; init; } = true;

    /// <summary>tf-idf only: add one to N and to every df, as if one document held every term (no zero division, no zero idf).</summary>
    public bool SmoothIdf { get; init; } = true;

    /// <summary>BM25 term-frequency saturation.</summary>
    public double Bm25K1 { get; init; } = 1.2;

    /// <summary>BM25 length normalisation, 0 (none) … 1 (full).</summary>
    public double Bm25B { get; init; } = 0.75;

    /// <summary>Features in fewer documents than this are dropped.</summary>
    public int MinDocumentFrequency { get; init; } = 1;

    /// <summary>Features in more than this share of the documents are dropped (1 keeps all).</summary>
    public double MaxDocumentFrequency { get; init; } = 1.0;

    /// <summary>At most this many features are kept, the most frequent by document frequency.</summary>
    public int MaxFeatures { get; init; } = 262_144;

    /// <summary>How compound parts become features.</summary>
    public CompoundPartMode CompoundParts { get; init; } = CompoundPartMode.Shared;

    /// <summary>What one occurrence of a compound part counts, relative to a whole lemma (1).</summary>
    public float PartWeight { get; init; } = 1f;

    /// <summary>Which words also give character n-grams.</summary>
    public CharNgramScope CharNgrams { get; init; } = CharNgramScope.FallbackWords;

    /// <summary>Shortest character n-gram (the word is padded with <c>&lt;</c> and <c>&gt;</c>).</summary>
    public int MinNgramLength { get; init; } = 3;

    /// <summary>Longest character n-gram.</summary>
    public int MaxNgramLength { get; init; } = 5;

    /// <summary>n-grams are hashed into 2^bits buckets.</summary>
    public int NgramHashBits { get; init; } = 18;

    /// <summary>What one n-gram occurrence counts, relative to a whole lemma (1).</summary>
    public float NgramWeight { get; init; } = 0.2f;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first value out of range; returns the options.</summary>
    public TfidfOptions Validate()
    {
        if (!Enum.IsDefined(Weighting)) throw Out(nameof(Weighting), Weighting, "is not a known weighting");
        if (!Enum.IsDefined(CompoundParts)) throw Out(nameof(CompoundParts), CompoundParts, "is not a known mode");
        if (!Enum.IsDefined(CharNgrams)) throw Out(nameof(CharNgrams), CharNgrams, "is not a known scope");
        if (!(Bm25K1 >= 0 && Bm25K1 <= 100)) throw Out(nameof(Bm25K1), Bm25K1, "must be between 0 and 100");
        if (!(Bm25B >= 0 && Bm25B <= 1)) throw Out(nameof(Bm25B), Bm25B, "must be between 0 and 1");
        if (MinDocumentFrequency < 1) throw Out(nameof(MinDocumentFrequency), MinDocumentFrequency, "must be at least 1");
        if (!(MaxDocumentFrequency > 0 && MaxDocumentFrequency <= 1)) throw Out(nameof(MaxDocumentFrequency), MaxDocumentFrequency, "must be in (0, 1]");
        if (MaxFeatures < 1) throw Out(nameof(MaxFeatures), MaxFeatures, "must be at least 1");
        if (!(PartWeight > 0 && PartWeight <= 10)) throw Out(nameof(PartWeight), PartWeight, "must be in (0, 10]");
        if (MinNgramLength < 1 || MinNgramLength > 10) throw Out(nameof(MinNgramLength), MinNgramLength, "must be between 1 and 10");
        if (MaxNgramLength < MinNgramLength || MaxNgramLength > 10) throw Out(nameof(MaxNgramLength), MaxNgramLength, "must be between MinNgramLength and 10");
        if (NgramHashBits is < 4 or > 24) throw Out(nameof(NgramHashBits), NgramHashBits, "must be between 4 and 24");
        if (!(NgramWeight > 0 && NgramWeight <= 10)) throw Out(nameof(NgramWeight), NgramWeight, "must be in (0, 10]");
        return this;
    }

    private static ArgumentOutOfRangeException Out(string name, object value, string rule) =>
        new(name, value, $"TfidfOptions.{name} {rule}.");
}

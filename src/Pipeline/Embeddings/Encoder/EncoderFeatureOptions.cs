namespace SosRap.Pipeline.Embeddings.Encoder;

/// <summary>
/// How the encoder turns analysed terms into rows of its embedding table, fastText style: a row per
/// known lemma, a row per known compound part, and hashed character n-grams of the lemma for words
/// it has never seen (typos, new compounds). Validated once by <see cref="Validate"/>.
/// </summary>
public sealed record EncoderFeatureOptions
{
    /// <summary>Give known compound parts (<c>toimeentulo</c>, <c>tuki</c>, <c>päätös</c>) their own rows.</summary>
    public bool CompoundParts { get; init; } = true;

    /// <summary>Shortest character n-gram of <c>&lt;lemma&gt;</c>; 0 turns n-grams off.</summary>
    public int MinNgram { get; init; } = 3;

    /// <summary>Longest character n-gram.</summary>
    public int MaxNgram { get; init; } = 5;

    /// <summary>
    /// Weight of a term's n-gram group next to its lemma and part rows (1 each). Below 1 the n-grams
    /// act mostly as a back-off; 0 uses them only for a term with no known lemma or part (a typo, an
    /// unseen word), which then rests on its n-grams alone.
    /// </summary>
    public float NgramWeight { get; init; } = 1f;

    /// <summary>Number of hash buckets the n-grams share (rows after the vocabulary).</summary>
    public int Buckets { get; init; } = 1 << 16;

    /// <summary>A lemma or part gets a vocabulary row when at least this many training texts contain it.</summary>
    public int MinCount { get; init; } = 2;

    /// <summary>At most this many vocabulary rows (the most frequent words win).</summary>
    public int MaxVocabulary { get; init; } = 100_000;

    /// <summary>How much each term counts in its text.</summary>
    public EncoderTermWeighting TermWeighting { get; init; } = EncoderTermWeighting.Idf;

    /// <summary>How term vectors are pooled into the text vector.</summary>
    public EncoderPooling Pooling { get; init; } = EncoderPooling.Mean;

    /// <summary>True when character n-grams are used.</summary>
    public bool Ngrams => MinNgram > 0;

    /// <summary>Checks every value; throws <see cref="ArgumentOutOfRangeException"/> naming the bad one.</summary>
    public EncoderFeatureOptions Validate()
    {
        if (MinNgram != 0 && MinNgram is < 1 or > 10)
            throw new ArgumentOutOfRangeException(nameof(MinNgram), MinNgram, "MinNgram must be 0 (off) or between 1 and 10.");
        if (MinNgram != 0 && (MaxNgram < MinNgram || MaxNgram > 10))
            throw new ArgumentOutOfRangeException(nameof(MaxNgram), MaxNgram, "MaxNgram must be between MinNgram and 10.");
        if (MinNgram != 0 && Buckets is < 1 or > 1 << 24)
            throw new ArgumentOutOfRangeException(nameof(Buckets), Buckets, "Buckets must be between 1 and 16,777,216.");
        if (!float.IsFinite(NgramWeight) || NgramWeight is < 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(NgramWeight), NgramWeight, "NgramWeight must be between 0 and 100.");
        if (MinCount < 1)
            throw new ArgumentOutOfRangeException(nameof(MinCount), MinCount, "MinCount must be at least 1.");
        if (MaxVocabulary is < 0 or > 10_000_000)
            throw new ArgumentOutOfRangeException(nameof(MaxVocabulary), MaxVocabulary, "MaxVocabulary must be between 0 and 10,000,000.");
        if (!Enum.IsDefined(TermWeighting))
            throw new ArgumentOutOfRangeException(nameof(TermWeighting), TermWeighting, "Unknown term weighting.");
        if (!Enum.IsDefined(Pooling))
            throw new ArgumentOutOfRangeException(nameof(Pooling), Pooling, "Unknown pooling.");
        return this;
    }
}

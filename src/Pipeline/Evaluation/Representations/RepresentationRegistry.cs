using SosRap.Pipeline.Embeddings;
using SosRap.Pipeline.Features;

namespace SosRap.Pipeline.Evaluation.Representations;

/// <summary>
/// The representations the comparison knows, by name: <c>tfidf</c> (sparse tf-idf/BM25 vectors,
/// sparse cosine) and <c>lsa</c> built in, and any dense <see cref="IEmbedder"/> added with
/// <see cref="AddEmbedder"/> (the trained encoder is added by the application that can load it).
/// A typed name → factory map; unknown names and arguments are errors.
/// </summary>
public sealed class RepresentationRegistry
{
    private static readonly Dictionary<string, TermWeighting> Weightings = new(StringComparer.Ordinal)
    {
        ["tfidf"] = TermWeighting.TfIdf,
        ["bm25"] = TermWeighting.Bm25,
    };

    private static readonly Dictionary<string, CompoundPartMode> PartModes = new(StringComparer.Ordinal)
    {
        ["none"] = CompoundPartMode.None,
        ["shared"] = CompoundPartMode.Shared,
        ["separate"] = CompoundPartMode.Separate,
    };

    private static readonly Dictionary<string, CharNgramScope> NgramScopes = new(StringComparer.Ordinal)
    {
        ["none"] = CharNgramScope.None,
        ["fallback"] = CharNgramScope.FallbackWords,
        ["all"] = CharNgramScope.AllWords,
    };

    private static readonly Dictionary<string, LsaWeighting> LsaScales = new(StringComparer.Ordinal)
    {
        ["sigma"] = LsaWeighting.Sigma,
        ["sqrt"] = LsaWeighting.SqrtSigma,
        ["whitened"] = LsaWeighting.Whitened,
    };

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private RepresentationRegistry()
    {
    }

    /// <summary>A registry with <c>tfidf</c> and <c>lsa</c>.</summary>
    public static RepresentationRegistry CreateDefault()
    {
        var registry = new RepresentationRegistry();
        registry._entries["tfidf"] = new Entry(
            "harva tf-idf/BM25-vektori (lemmat, yhdyssanojen osat, tuntemattomien sanojen merkki-n-grammit), kosinisamankaltaisuus",
            spec => _ = TfidfOptionsOf(spec),
            (spec, corpus, ct) => new FittedRepresentation.Sparse(new TfidfEstimator(TfidfOptionsOf(spec)).Fit(corpus.Analyses, cancellationToken: ct)));
        registry._entries["lsa"] = new Entry(
            "LSA: tf-idf-matriisin katkaistu SVD (satunnaistettu), tiheä upotus",
            spec => _ = LsaOptionsOf(spec, 0),
            (spec, corpus, ct) => new FittedRepresentation.Dense(new LsaEstimator(LsaOptionsOf(spec, corpus.Seed)).Fit(corpus.Analyses, cancellationToken: ct)));
        return registry;
    }

    /// <summary>The known names.</summary>
    public IReadOnlyCollection<string> Names => _entries.Keys;

    /// <summary>Adds (or replaces) a dense representation made by <paramref name="factory"/>.</summary>
    public void AddEmbedder(string name, string description, EmbedderFactory factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        _entries[name.ToLowerInvariant()] = new Entry(description, null, (spec, corpus, ct) => new FittedRepresentation.Dense(factory(spec, corpus, ct)));
    }

    /// <summary>A one-line description of a representation, for help texts.</summary>
    public string Describe(string name) => _entries.TryGetValue(name, out var e) ? e.Description : "";

    /// <summary>The tf-idf options a spec asks for: <c>weighting</c>, <c>sublinear</c>, <c>smooth</c>, <c>k1</c>, <c>b</c>, <c>mindf</c>, <c>maxdf</c>, <c>maxfeatures</c>, <c>parts</c>, <c>partweight</c>, <c>ngrams</c>, <c>ngramweight</c>, <c>nmin</c>, <c>nmax</c>, <c>hashbits</c>.</summary>
    public static TfidfOptions TfidfOptionsOf(RepresentationSpec spec, bool checkAllUsed = true)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var d = new TfidfOptions();
        var options = new TfidfOptions
        {
            Weighting = spec.GetChoice("weighting", d.Weighting, Weightings),
            SublinearTf = spec.GetBool("sublinear", d.SublinearTf),
            SmoothIdf = spec.GetBool("smooth", d.SmoothIdf),
            Bm25K1 = spec.GetDouble("k1", d.Bm25K1, 0, 100),
            Bm25B = spec.GetDouble("b", d.Bm25B, 0, 1),
            MinDocumentFrequency = spec.GetInt("mindf", d.MinDocumentFrequency, 1, int.MaxValue),
            MaxDocumentFrequency = spec.GetDouble("maxdf", d.MaxDocumentFrequency, double.Epsilon, 1),
            MaxFeatures = spec.GetInt("maxfeatures", d.MaxFeatures, 1, int.MaxValue),
            CompoundParts = spec.GetChoice("parts", d.CompoundParts, PartModes),
            PartWeight = (float)spec.GetDouble("partweight", d.PartWeight, 1e-6, 10),
            CharNgrams = spec.GetChoice("ngrams", d.CharNgrams, NgramScopes),
            NgramWeight = (float)spec.GetDouble("ngramweight", d.NgramWeight, 1e-6, 10),
            MinNgramLength = spec.GetInt("nmin", d.MinNgramLength, 1, 10),
            MaxNgramLength = spec.GetInt("nmax", d.MaxNgramLength, 1, 10),
            NgramHashBits = spec.GetInt("hashbits", d.NgramHashBits, 4, 24),
        };
        if (options.MaxNgramLength < options.MinNgramLength)
            throw new InputException($"'{spec.Text}': nmax ei voi olla pienempi kuin nmin", field: "--representations");
        if (checkAllUsed) spec.EnsureAllUsed();
        return options;
    }

    /// <summary>The LSA options a spec asks for: the tf-idf keys plus <c>dim</c>, <c>scale</c> (sigma, sqrt, whitened), <c>power</c>, <c>oversample</c>, <c>seed</c>.</summary>
    public static LsaOptions LsaOptionsOf(RepresentationSpec spec, int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var d = new LsaOptions();
        var options = new LsaOptions
        {
            Features = TfidfOptionsOf(spec, checkAllUsed: false),
            Dimension = spec.GetInt("dim", d.Dimension, 1, 4096),
            Weighting = spec.GetChoice("scale", d.Weighting, LsaScales),
            Svd = new RandomizedSvdOptions
            {
                PowerIterations = spec.GetInt("power", d.Svd.PowerIterations, 0, 50),
                Oversampling = spec.GetInt("oversample", d.Svd.Oversampling, 0, 1000),
                Seed = spec.GetInt("seed", seed == 0 ? d.Svd.Seed : seed, int.MinValue, int.MaxValue),
            },
        };
        spec.EnsureAllUsed();
        return options;
    }

    /// <summary>Fails early (before any fitting) for an unknown name or, for the built-in representations, a bad argument.</summary>
    internal void Check(RepresentationSpec spec)
    {
        if (!_entries.TryGetValue(spec.Name, out var entry))
            throw new InputException($"tuntematon esitystapa '{spec.Name}' (tunnetut: {string.Join(", ", _entries.Keys.Order(StringComparer.Ordinal))})", field: "--representations");
        entry.Check?.Invoke(spec);
    }

    internal FittedRepresentation Fit(RepresentationSpec spec, RepresentationFitContext corpus, CancellationToken cancellationToken)
    {
        Check(spec);
        var fitted = _entries[spec.Name].Fit(spec, corpus, cancellationToken);
        spec.EnsureAllUsed();
        return fitted;
    }

    private sealed record Entry(string Description, Action<RepresentationSpec>? Check,
        Func<RepresentationSpec, RepresentationFitContext, CancellationToken, FittedRepresentation> Fit);
}

using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Features;

/// <summary>
/// Fits a <see cref="TfidfModel"/> on a corpus of analysed texts: collects lemmas, compound parts
/// and n-gram buckets with their document frequencies in one pass, keeps those within the
/// frequency bounds (at most <see cref="TfidfOptions.MaxFeatures"/>, the most frequent), and
/// fixes the weights. The options are validated once, here. The corpus is read once, so it may be
/// a stream (e.g. texts analysed on the fly).
/// </summary>
public sealed class TfidfEstimator
{
    /// <summary>Creates an estimator; invalid options throw <see cref="ArgumentOutOfRangeException"/> now, not at fit time.</summary>
    public TfidfEstimator(TfidfOptions? options = null)
    {
        Options = (options ?? new TfidfOptions()).Validate();
    }

    /// <summary>The options every fit uses.</summary>
    public TfidfOptions Options { get; }

    /// <summary>Fits the featurizer; memory grows with the vocabulary, not with the corpus.</summary>
    /// <param name="corpus">Analysed texts, read once.</param>
    /// <param name="progress">Receives the number of texts read, every 1000 and at the end.</param>
    /// <param name="cancellationToken">Stops the fit.</param>
    public TfidfModel Fit(IEnumerable<AnalyzedText> corpus, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var counter = new CorpusCounter(Options, keepRows: false);
        counter.AddAll(corpus, progress, cancellationToken);
        return counter.Finish(out _);
    }

    /// <summary>
    /// Fits the featurizer and returns the corpus's vectors too, as one CSR matrix (one row per
    /// text, in corpus order). Keeps the raw counts while reading (8 bytes per distinct term of
    /// each text), never a dense texts × features matrix.
    /// </summary>
    public FeaturizedCorpus FitTransform(IEnumerable<AnalyzedText> corpus, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var counter = new CorpusCounter(Options, keepRows: true);
        counter.AddAll(corpus, progress, cancellationToken);
        var model = counter.Finish(out var remap);
        return new FeaturizedCorpus(model, counter.BuildMatrix(model, remap, cancellationToken));
    }
}

using SosRap.Pipeline.Features;
using SosRap.Pipeline.Text;

namespace SosRap.Pipeline.Embeddings;

/// <summary>
/// Fits latent semantic analysis: tf-idf features of a corpus (<see cref="TfidfEstimator"/>), then a
/// truncated SVD of the texts × features matrix (<see cref="RandomizedSvd"/>). The fitted
/// <see cref="LsaEmbedder"/> maps a text to its coordinates in the leading singular directions, so
/// reports that use related words (that co-occur across the corpus) land near each other even when
/// they share few words. Options are validated once, here; a fit with the same options, seed and
/// corpus gives the same model bit for bit.
/// </summary>
public sealed class LsaEstimator
{
    /// <summary>Creates an estimator; invalid options throw now.</summary>
    public LsaEstimator(LsaOptions? options = null)
    {
        Options = (options ?? new LsaOptions()).Validate();
    }

    /// <summary>The options every fit uses.</summary>
    public LsaOptions Options { get; }

    /// <summary>Fits features and SVD on a corpus of analysed texts (read once; may be a stream).</summary>
    public LsaEmbedder Fit(IEnumerable<AnalyzedText> corpus, IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var featurized = new TfidfEstimator(Options.Features).FitTransform(corpus, progress is null ? null : new SyncProgress(progress), cancellationToken);
        return Fit(featurized, progress, cancellationToken);
    }

    /// <summary>Fits the SVD on a corpus already featurized with <see cref="TfidfEstimator.FitTransform"/>.</summary>
    public LsaEmbedder Fit(FeaturizedCorpus corpus, IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var svd = RandomizedSvd.Compute(corpus.Vectors, Options.Dimension, Options.Svd, progress, cancellationToken);
        if (svd.Rank == 0)
            throw new InvalidOperationException("LSA needs at least one text with a known feature; the corpus has none.");
        return new LsaEmbedder(corpus.Model, Options.Weighting, svd.SingularValues.ToArray(), svd.RightVectorArray);
    }

    // Reports on the calling thread (Progress<T> would post to the thread pool and reorder reports).
    private sealed class SyncProgress(IProgress<FitProgress> inner) : IProgress<int>
    {
        public void Report(int value) => inner.Report(new FitProgress("features", value, 0));
    }
}

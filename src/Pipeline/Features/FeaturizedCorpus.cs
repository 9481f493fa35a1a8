namespace SosRap.Pipeline.Features;

/// <summary>A fitted featurizer and the vectors of the corpus it was fitted on (row i = text i).</summary>
/// <param name="Model">The fitted featurizer.</param>
/// <param name="Vectors">L2-normalised rows, <see cref="TfidfModel.FeatureCount"/> columns.</param>
public sealed record FeaturizedCorpus(TfidfModel Model, SparseMatrix Vectors);

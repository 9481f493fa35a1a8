using SosRap.Pipeline.Embeddings;

namespace SosRap.Pipeline.Evaluation.Representations;

/// <summary>
/// Fits (or loads) a dense embedder for the comparison from a spec's arguments. Read every
/// argument through the spec's Get… methods: arguments nobody read are reported as unknown.
/// </summary>
public delegate IEmbedder EmbedderFactory(RepresentationSpec spec, RepresentationFitContext corpus, CancellationToken cancellationToken);

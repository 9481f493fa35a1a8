namespace SosRap.Pipeline.Evaluation.Representations;

/// <summary>What a representation is fitted on before the clustering yardstick runs.</summary>
public enum ClusterFitCorpus
{
    /// <summary>The clustered reports themselves, with their gold labels removed (unsupervised, as a clustering run is).</summary>
    ClusterInput,

    /// <summary>The training reports, labels included (for representations that need supervision).</summary>
    Train,
}

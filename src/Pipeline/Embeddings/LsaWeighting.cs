namespace SosRap.Pipeline.Embeddings;

/// <summary>How the LSA components are scaled before the embedding is normalised to unit length.</summary>
public enum LsaWeighting
{
    /// <summary>
    /// <c>x V</c> as it is: a training report lands on <c>U Σ</c>, so strong components (large
    /// singular values) weigh more — scikit-learn's <c>TruncatedSVD.transform</c>, and the classic
    /// LSA document similarity.
    /// </summary>
    Sigma,

    /// <summary><c>x V Σ^-1/2</c>: halfway between <see cref="Sigma"/> and <see cref="Whitened"/>.</summary>
    SqrtSigma,

    /// <summary><c>x V Σ^-1</c>: a training report lands on its row of U; every component weighs the same.</summary>
    Whitened,
}

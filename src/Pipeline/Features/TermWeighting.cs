namespace SosRap.Pipeline.Features;

/// <summary>How a term's count in a document and its document frequency become a weight.</summary>
public enum TermWeighting
{
    /// <summary>
    /// tf × idf: tf is the count, or <c>1 + ln(count)</c> with <see cref="TfidfOptions.SublinearTf"/>;
    /// idf is <c>ln((1 + N) / (1 + df)) + 1</c> (smooth) or <c>ln(N / df) + 1</c>, as in scikit-learn.
    /// </summary>
    TfIdf,

    /// <summary>
    /// Okapi BM25: <c>tf·(k1 + 1) / (tf + k1·(1 − b + b·len/avglen))</c> × <c>ln(1 + (N − df + 0.5) / (df + 0.5))</c>,
    /// so long reports do not outweigh short ones and repeated terms saturate.
    /// </summary>
    Bm25,
}

namespace SosRap.Pipeline.Suggestions;

/// <summary>
/// Isotonic calibration (pool-adjacent-violators) of the stacker's probabilities, fitted on
/// out-of-fold (score, correct) pairs: a monotone step function from score to observed
/// precision, applied with linear interpolation between block centres. A tiny share of the raw
/// score (1e-4) is added so calibrated scores stay strictly ordered like the raw ones and the
/// ranking never changes; values are clamped to [0, 1]. Each block's precision is Laplace-smoothed,
/// (correct + 1) / (n + 2), so a small block never claims certainty (0 or 1); a running maximum
/// keeps the smoothed values non-decreasing.
/// </summary>
/// <param name="X">Block centres (mean raw score), ascending.</param>
/// <param name="Y">Observed precision of each block, non-decreasing.</param>
internal sealed record IsotonicCalibration(float[] X, float[] Y)
{
    private const float TieBreak = 1e-4f;

    public static IsotonicCalibration Identity { get; } = new([0f, 1f], [0f, 1f]);

    public float Apply(float score)
    {
        float v;
        if (X.Length == 0) v = score;
        else if (score <= X[0]) v = Y[0];
        else if (score >= X[^1]) v = Y[^1];
        else
        {
            var hi = Array.BinarySearch(X, score);
            if (hi >= 0) v = Y[hi];
            else
            {
                hi = ~hi;
                var lo = hi - 1;
                var t = (score - X[lo]) / (X[hi] - X[lo]);
                v = Y[lo] + t * (Y[hi] - Y[lo]);
            }
        }

        return Math.Clamp(v * (1 - TieBreak) + TieBreak * score, 0f, 1f);
    }

    public static IsotonicCalibration Fit(IReadOnlyList<(float Score, bool Correct)> pairs)
    {
        if (pairs.Count == 0) return Identity;
        var sorted = pairs.OrderBy(p => p.Score).ToArray();
        // Blocks of (sum of scores, sum of labels, count); merge while a block's mean label falls below its predecessor's.
        var sx = new List<double>();
        var sy = new List<double>();
        var n = new List<int>();
        foreach (var (score, correct) in sorted)
        {
            sx.Add(score);
            sy.Add(correct ? 1 : 0);
            n.Add(1);
            while (sy.Count > 1 && sy[^2] / n[^2] >= sy[^1] / n[^1])
            {
                sx[^2] += sx[^1];
                sy[^2] += sy[^1];
                n[^2] += n[^1];
                sx.RemoveAt(sx.Count - 1);
                sy.RemoveAt(sy.Count - 1);
                n.RemoveAt(n.Count - 1);
            }
        }

        var x = new float[n.Count];
        var y = new float[n.Count];
        for (var i = 0; i < n.Count; i++)
        {
            x[i] = (float)(sx[i] / n[i]);
            y[i] = Math.Max(i > 0 ? y[i - 1] : 0f, (float)((sy[i] + 1) / (n[i] + 2)));
        }

        return new IsotonicCalibration(x, y);
    }
}

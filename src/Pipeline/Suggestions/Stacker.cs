namespace SosRap.Pipeline.Suggestions;

/// <summary>
/// The ensemble's combiner: a logistic regression over per-backend scores, fitted on out-of-fold
/// scores of the training set, so its output is already a calibrated probability (Platt scaling
/// and weighting in one step). For each backend it reads two features of a (text, category) pair:
/// the score and the score relative to the backend's best category for that text (a scale-free
/// "how clearly first"). Fitted by Newton's method with a small L2 penalty.
/// </summary>
/// <param name="Weights">Two weights per backend (score, relative score), in member order.</param>
/// <param name="Bias">Intercept.</param>
internal sealed record Stacker(float[] Weights, float Bias)
{
    public const int FeaturesPerBackend = 2;

    /// <summary>Fills the features of every category of one text from the backends' score rows.</summary>
    public static void Features(IReadOnlyList<float[]> backendScores, int categories, float[][] into)
    {
        for (var b = 0; b < backendScores.Count; b++)
        {
            var s = backendScores[b];
            var max = 0f;
            for (var c = 0; c < categories; c++) max = Math.Max(max, s[c]);
            for (var c = 0; c < categories; c++)
            {
                into[c][FeaturesPerBackend * b] = s[c];
                into[c][FeaturesPerBackend * b + 1] = max > 0f ? s[c] / max : 0f;
            }
        }
    }

    public float Probability(ReadOnlySpan<float> features)
    {
        double z = Bias;
        for (var j = 0; j < Weights.Length; j++) z += Weights[j] * features[j];
        return (float)(1 / (1 + Math.Exp(-z)));
    }

    /// <summary>Fits on rows of features with 0/1 targets.</summary>
    public static Stacker Fit(IReadOnlyList<float[]> x, IReadOnlyList<bool> y, double l2 = 1e-2, int iterations = 50)
    {
        var d = x[0].Length + 1;
        var w = new double[d];
        for (var it = 0; it < iterations; it++)
        {
            var grad = new double[d];
            var hess = new double[d, d];
            for (var i = 0; i < x.Count; i++)
            {
                var z = w[d - 1];
                for (var j = 0; j < d - 1; j++) z += w[j] * x[i][j];
                var p = 1 / (1 + Math.Exp(-z));
                var r = p - (y[i] ? 1 : 0);
                var h = Math.Max(p * (1 - p), 1e-9);
                for (var j = 0; j < d; j++)
                {
                    var xj = j == d - 1 ? 1 : x[i][j];
                    grad[j] += r * xj;
                    for (var k = 0; k <= j; k++) hess[j, k] += h * xj * (k == d - 1 ? 1 : x[i][k]);
                }
            }

            for (var j = 0; j < d; j++)
            {
                for (var k = 0; k < j; k++) hess[k, j] = hess[j, k];
                if (j < d - 1)
                {
                    grad[j] += l2 * x.Count * w[j];
                    hess[j, j] += l2 * x.Count;
                }
                else hess[j, j] += 1e-9 * x.Count;
            }

            var step = Solve(hess, grad);
            var change = 0.0;
            for (var j = 0; j < d; j++)
            {
                w[j] -= step[j];
                change = Math.Max(change, Math.Abs(step[j]));
            }

            if (change < 1e-7) break;
        }

        return new Stacker(w[..^1].Select(v => (float)v).ToArray(), (float)w[^1]);
    }

    // Gaussian elimination with partial pivoting; d is tiny (2 × backends + 1).
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            if (pivot != col)
            {
                for (var k = 0; k < n; k++) (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                (v[col], v[pivot]) = (v[pivot], v[col]);
            }

            if (Math.Abs(m[col, col]) < 1e-15) continue;
            for (var r = col + 1; r < n; r++)
            {
                var f = m[r, col] / m[col, col];
                for (var k = col; k < n; k++) m[r, k] -= f * m[col, k];
                v[r] -= f * v[col];
            }
        }

        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var s = v[r];
            for (var k = r + 1; k < n; k++) s -= m[r, k] * x[k];
            x[r] = Math.Abs(m[r, r]) < 1e-15 ? 0 : s / m[r, r];
        }

        return x;
    }
}

namespace SosRap.Pipeline.Evaluation;

/// <summary>One row of a reliability table: suggestions whose score fell in [Low, High), their mean score and the share that were right.</summary>
public sealed record ReliabilityBin(double Low, double High, int Count, double MeanScore, double Observed)
{
    /// <summary>
    /// Bins (score, correct) pairs into <paramref name="bins"/> equal-width bins over [0, 1] (a score of 1
    /// goes to the last bin). Empty bins are kept with Count 0 and NaN-free zeros.
    /// </summary>
    public static IReadOnlyList<ReliabilityBin> Table(IEnumerable<(float Score, bool Correct)> pairs, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var count = new int[bins];
        var sum = new double[bins];
        var right = new int[bins];
        foreach (var (score, correct) in pairs)
        {
            var b = Math.Clamp((int)(score * bins), 0, bins - 1);
            count[b]++;
            sum[b] += score;
            right[b] += correct ? 1 : 0;
        }

        var table = new ReliabilityBin[bins];
        for (var b = 0; b < bins; b++)
            table[b] = new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, count[b], count[b] == 0 ? 0 : sum[b] / count[b], count[b] == 0 ? 0 : (double)right[b] / count[b]);
        return table;
    }

    /// <summary>Expected calibration error: the count-weighted mean gap between mean score and observed precision.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<ReliabilityBin> table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var n = table.Sum(b => b.Count);
        return n == 0 ? 0 : table.Sum(b => b.Count * Math.Abs(b.MeanScore - b.Observed)) / n;
    }
}

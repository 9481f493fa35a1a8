using SosRap.Pipeline.Evaluation;
using SosRap.Pipeline.Suggestions;

namespace SosRap.Pipeline.Tests.Suggestions;

public sealed class CalibrationTests
{
    [Fact]
    public void Isotonic_fit_pools_adjacent_violators_as_computed_by_hand()
    {
        // Labels by score: 0, 1, 0, 1 → the middle pair violates order and pools at mean score 0.25.
        // Blocks (correct/n) 0/1, 1/2, 1/1 → Laplace-smoothed (c+1)/(n+2): 1/3, 2/4, 2/3.
        var c = IsotonicCalibration.Fit([(0.1f, false), (0.2f, true), (0.3f, false), (0.4f, true)]);
        Assert.Equal([0.1f, 0.25f, 0.4f], c.X);
        Assert.Equal(1f / 3, c.Y[0], 6);
        Assert.Equal(0.5f, c.Y[1], 6);
        Assert.Equal(2f / 3, c.Y[2], 6);
        // Between 0.25 (0.5) and 0.4 (2/3), 0.325 interpolates to 0.5833 (plus the 1e-4 tie-break share).
        Assert.Equal(0.5833f, c.Apply(0.325f), 3);
        Assert.Equal(1f / 3, c.Apply(0f), 3);
        Assert.Equal(2f / 3, c.Apply(1f), 3);
    }

    [Fact]
    public void Calibrated_scores_are_monotone_and_within_the_unit_interval()
    {
        var random = new Random(20261123);
        var pairs = Enumerable.Range(0, 2000).Select(_ =>
        {
            var s = random.NextSingle();
            return (s, random.NextDouble() < s * s);
        }).ToList();
        var c = IsotonicCalibration.Fit(pairs);
        var previous = -1f;
        for (var s = 0f; s <= 1f; s += 0.001f)
        {
            var v = c.Apply(s);
            Assert.InRange(v, 0f, 1f);
            Assert.True(v > previous, $"not strictly increasing at {s}");
            previous = v;
        }

        // The true curve is s²: the calibrated value near 0.8 should be near 0.64.
        Assert.InRange(c.Apply(0.8f), 0.5f, 0.78f);
    }

    [Fact]
    public void The_stacker_learns_to_trust_the_informative_backend()
    {
        var random = new Random(7);
        var x = new List<float[]>();
        var y = new List<bool>();
        for (var i = 0; i < 1000; i++)
        {
            var label = random.NextDouble() < 0.3;
            var good = (label ? 0.7f : 0.2f) + (0.2f * random.NextSingle());
            var noise = random.NextSingle();
            x.Add([good, good, noise, noise]);
            y.Add(label);
        }

        var s = Stacker.Fit(x, y);
        Assert.True(s.Weights[0] + s.Weights[1] > 5 * Math.Abs(s.Weights[2] + s.Weights[3]), string.Join(", ", s.Weights));
        Assert.True(s.Probability([0.85f, 0.85f, 0.5f, 0.5f]) > 0.8f);
        Assert.True(s.Probability([0.25f, 0.25f, 0.5f, 0.5f]) < 0.2f);
    }

    [Fact]
    public void Reliability_bins_match_a_hand_count()
    {
        var table = ReliabilityBin.Table([(0.05f, false), (0.15f, true), (0.12f, false), (0.95f, true), (1f, true)], bins: 10);
        Assert.Equal(10, table.Count);
        Assert.Equal(1, table[0].Count);
        Assert.Equal(0, table[0].Observed);
        Assert.Equal(2, table[1].Count);
        Assert.Equal(0.5, table[1].Observed, 10);
        Assert.Equal(0.135, table[1].MeanScore, 5);
        Assert.Equal(2, table[9].Count); // a score of exactly 1 falls in the last bin
        Assert.Equal(1, table[9].Observed);
        // ECE = (1·|0.05−0| + 2·|0.135−0.5| + 2·|0.975−1|) / 5 = (0.05 + 0.73 + 0.05) / 5 = 0.166
        Assert.Equal(0.166, ReliabilityBin.ExpectedCalibrationError(table), 5);
    }
}

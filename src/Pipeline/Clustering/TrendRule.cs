namespace SosRap.Pipeline.Clustering;

/// <summary>
/// The trend of a theme, from its count per period and all reports per period. Let <c>s_last</c> be
/// its share of the last period's reports and <c>s_before</c> its share of all earlier reports:
/// <list type="bullet">
/// <item><b>New</b>: at least <see cref="MinCount"/> reports in the last period and
/// <c>s_before ≤ 0.25 × s_last</c> (at most a stray earlier report).</item>
/// <item><b>Growing</b>: at least <see cref="MinCount"/> in the last period and <c>s_last ≥ 1.5 × s_before</c>.</item>
/// <item><b>Declining</b>: at least <see cref="MinCount"/> earlier and <c>s_last ≤ 0.5 × s_before</c>.</item>
/// <item><b>Stable</b> otherwise; <b>Undetermined</b> with fewer than two periods, an empty last
/// period, or fewer than <see cref="MinCount"/> reports in all.</item>
/// </list>
/// Shares rather than counts, so a period with more reports overall does not make every theme "grow".
/// Reports of the unknown period are left out.
/// </summary>
public sealed record TrendRule
{
    /// <summary>Fewest reports that make a trend worth stating.</summary>
    public int MinCount { get; init; } = 3;

    /// <summary>Applies the rule to counts per period in time order: the theme's and all reports'.</summary>
    public TrendStatus Classify(IReadOnlyList<int> themeCounts, IReadOnlyList<int> periodTotals)
    {
        ArgumentNullException.ThrowIfNull(themeCounts);
        ArgumentNullException.ThrowIfNull(periodTotals);
        if (themeCounts.Count != periodTotals.Count) throw new ArgumentException("Counts and totals differ in length.", nameof(periodTotals));
        var n = themeCounts.Count;
        if (n < 2 || periodTotals[n - 1] == 0 || themeCounts.Sum() < MinCount) return TrendStatus.Undetermined;
        var last = themeCounts[n - 1];
        var before = 0;
        var beforeTotal = 0;
        for (var i = 0; i < n - 1; i++)
        {
            before += themeCounts[i];
            beforeTotal += periodTotals[i];
        }

        if (beforeTotal == 0) return TrendStatus.Undetermined;
        var shareLast = (double)last / periodTotals[n - 1];
        var shareBefore = (double)before / beforeTotal;
        if (last >= MinCount && shareBefore <= 0.25 * shareLast) return TrendStatus.New;
        if (last >= MinCount && shareLast >= 1.5 * shareBefore) return TrendStatus.Growing;
        if (before >= MinCount && shareLast <= 0.5 * shareBefore) return TrendStatus.Declining;
        return TrendStatus.Stable;
    }
}

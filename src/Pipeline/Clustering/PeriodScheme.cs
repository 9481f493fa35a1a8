using System.Globalization;

namespace SosRap.Pipeline.Clustering;

/// <summary>How report dates are grouped into periods.</summary>
public enum PeriodScheme
{
    /// <summary>H1 = 1.1.–30.6., H2 = 1.7.–31.12. (e.g. <c>2024-H1</c>).</summary>
    HalfYear,

    /// <summary>Calendar quarters (e.g. <c>2024-Q3</c>).</summary>
    Quarter,

    /// <summary>Calendar years (e.g. <c>2024</c>).</summary>
    Year,
}

/// <summary>Period keys: sortable strings, and one key for reports without a date.</summary>
public static class Periods
{
    /// <summary>The period of reports without a date; sorts after every real period.</summary>
    public const string Unknown = "tuntematon";

    /// <summary>The period key of <paramref name="date"/>, or <see cref="Unknown"/>.</summary>
    public static string Of(DateOnly? date, PeriodScheme scheme)
    {
        if (date is not { } d) return Unknown;
        var year = d.Year.ToString("D4", CultureInfo.InvariantCulture);
        return scheme switch
        {
            PeriodScheme.HalfYear => year + (d.Month <= 6 ? "-H1" : "-H2"),
            PeriodScheme.Quarter => year + "-Q" + ((d.Month + 2) / 3).ToString(CultureInfo.InvariantCulture),
            PeriodScheme.Year => year,
            _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, null),
        };
    }

    /// <summary>
    /// Every period from the first to the last dated report, in order, including empty periods in
    /// between (so a gap shows as a zero, not as a missing column).
    /// </summary>
    public static IReadOnlyList<string> Span(IEnumerable<DateOnly?> dates, PeriodScheme scheme)
    {
        DateOnly? min = null, max = null;
        foreach (var date in dates)
        {
            if (date is not { } d) continue;
            if (min is null || d < min) min = d;
            if (max is null || d > max) max = d;
        }

        var result = new List<string>();
        if (min is null) return result;
        var step = scheme switch { PeriodScheme.HalfYear => 6, PeriodScheme.Quarter => 3, _ => 12 };
        var start = new DateOnly(min.Value.Year, 1, 1);
        while (start.AddMonths(step) <= min.Value) start = start.AddMonths(step);
        for (var s = start; s <= max!.Value; s = s.AddMonths(step)) result.Add(Of(s, scheme));
        return result;
    }

    /// <summary>Parses <c>half-year</c>, <c>quarter</c> or <c>year</c>.</summary>
    public static bool TryParse(string text, out PeriodScheme scheme)
    {
        switch (text)
        {
            case "half-year": scheme = PeriodScheme.HalfYear; return true;
            case "quarter": scheme = PeriodScheme.Quarter; return true;
            case "year": scheme = PeriodScheme.Year; return true;
            default: scheme = default; return false;
        }
    }
}

using System.Globalization;

namespace SosRap.Api.Contracts;

/// <summary>
/// A reporting period with inclusive dates. Social reports are written per half-year
/// (<c>2024H1</c> = 1.1.–30.6.2024), so that is the default grouping; quarters, months and whole
/// years parse too.
/// </summary>
/// <param name="Label">The canonical label, e.g. <c>2024H1</c>.</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day (inclusive).</param>
public readonly record struct Period(string Label, DateOnly From, DateOnly To)
{
    /// <summary>Parses <c>2024H1</c>, <c>2024H2</c>, <c>2024Q1</c>…<c>Q4</c>, <c>2024-05</c> or <c>2024</c> (years 2000–2100).</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (text is null || text.Length < 4 || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < 2000 or > 2100)
            return false;
        var rest = text.AsSpan(4);
        if (rest.IsEmpty)
        {
            period = new Period(text, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            return true;
        }

        if (rest.Length == 2 && (rest[0] == 'H' || rest[0] == 'h') && rest[1] is '1' or '2')
        {
            var first = rest[1] == '1' ? 1 : 7;
            period = new Period(HalfYearLabel(year, first), new DateOnly(year, first, 1), new DateOnly(year, first + 5, 1).AddMonths(1).AddDays(-1));
            return true;
        }

        if (rest.Length == 2 && (rest[0] == 'Q' || rest[0] == 'q') && rest[1] is >= '1' and <= '4')
        {
            var first = ((rest[1] - '1') * 3) + 1;
            period = new Period(string.Create(CultureInfo.InvariantCulture, $"{year}Q{rest[1]}"), new DateOnly(year, first, 1),
                new DateOnly(year, first, 1).AddMonths(3).AddDays(-1));
            return true;
        }

        if (rest.Length == 3 && rest[0] == '-' && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            period = new Period(string.Create(CultureInfo.InvariantCulture, $"{year}-{month:00}"), new DateOnly(year, month, 1),
                new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));
            return true;
        }

        return false;
    }

    /// <summary>The half-year a date falls in, e.g. <c>2024H2</c>: the period a social report covers.</summary>
    public static string HalfYearOf(DateOnly date) => HalfYearLabel(date.Year, date.Month <= 6 ? 1 : 7);

    private static string HalfYearLabel(int year, int firstMonth) =>
        string.Create(CultureInfo.InvariantCulture, $"{year}H{(firstMonth == 1 ? 1 : 2)}");
}

using System.Globalization;
using SosRap.Models;

namespace SosRap.Pipeline.IO;

/// <summary>
/// Counts reports per category, municipality, service area, half-year period, kind and language,
/// as <c>sosrap validate</c> prints them. Empty values are counted under <see cref="None"/>.
/// </summary>
public sealed class ReportStatistics
{
    /// <summary>The key under which reports without a value are counted.</summary>
    public const string None = "";

    private readonly Dictionary<string, long> _categories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _municipalities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _serviceAreas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _periods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _kinds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _languages = new(StringComparer.Ordinal);

    /// <summary>Reports counted.</summary>
    public long Count { get; private set; }

    /// <summary>Reports per category id; a report with two categories counts for both, one with none under <see cref="None"/>.</summary>
    public IReadOnlyDictionary<string, long> Categories => _categories;

    public IReadOnlyDictionary<string, long> Municipalities => _municipalities;

    public IReadOnlyDictionary<string, long> ServiceAreas => _serviceAreas;

    /// <summary>Reports per half-year period (<see cref="HalfYear"/>), e.g. <c>2024/1</c>.</summary>
    public IReadOnlyDictionary<string, long> Periods => _periods;

    /// <summary>Reports per kind, as written in files (<c>epakohta</c>, <c>hyva_kaytanto</c>).</summary>
    public IReadOnlyDictionary<string, long> Kinds => _kinds;

    public IReadOnlyDictionary<string, long> Languages => _languages;

    /// <summary>Counts one report.</summary>
    public void Add(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Count++;
        if (report.Categories.Count == 0) Bump(_categories, None);
        foreach (var c in report.Categories) Bump(_categories, c);
        Bump(_municipalities, report.Municipality ?? None);
        Bump(_serviceAreas, report.ServiceArea ?? None);
        Bump(_periods, report.ReportedAt is { } d ? HalfYear(d) : None);
        Bump(_kinds, FieldParsers.KindName(report.Kind));
        Bump(_languages, report.Language);
    }

    /// <summary>
    /// The reporting period of a date: <c>YYYY/1</c> for 1.1.–30.6., <c>YYYY/2</c> for 1.7.–31.12.,
    /// the half-years social reports are written for.
    /// </summary>
    public static string HalfYear(DateOnly date) =>
        date.Year.ToString("D4", CultureInfo.InvariantCulture) + (date.Month <= 6 ? "/1" : "/2");

    /// <summary>Entries by count, largest first, then by key (ordinal).</summary>
    public static IEnumerable<KeyValuePair<string, long>> Ranked(IReadOnlyDictionary<string, long> counts) =>
        counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal);

    private static void Bump(Dictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}

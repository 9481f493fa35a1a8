using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Hosting;
using SosRap.Api.Storage;
using SosRap.Models;

namespace SosRap.Api.Services;

/// <summary>
/// Counts of handled reports per category, per Social Welfare Act 11 § support need or per law
/// item, optionally per half-year, municipality or service area. Each report is counted once per
/// key: a report with two categories that map to the same need counts once for that need. Support
/// needs are looked up in the taxonomy version each report was categorised with, so reports
/// categorised with different versions (or regions with different taxonomies) compare on one scale.
/// </summary>
internal sealed class StatisticsService(SosRapDbContext db, TaxonomyService taxonomy, SupportNeedCatalog needs, IOptions<SosRapOptions> options)
{
    public const string Counting =
        "Mukana käsitellyt ilmoitukset (alkukasitelty, tyoryhmassa, raportoitu, valitetty); uudet ja yhdistetyt eivät ole mukana. " +
        "Ilmoitus lasketaan kerran kuhunkin avaimeen: usean luokan ilmoitus näkyy usealla rivillä, mutta saman tuen tarpeen luokat lasketaan kerran.";

    public async Task<StatisticsResponse> ComputeAsync(CurrentUser user, StatisticsQuery query, CancellationToken cancellationToken)
    {
        var dimension = query.Dimension ?? "category";
        var groupBy = query.GroupBy ?? "none";
        var handled = Workflow.Handled.ToList();
        var reports = db.Reports.AsNoTracking().Where(r => handled.Contains(r.State));
        string? periodLabel = null;
        if (Contracts.Period.TryParse(query.Period, out var period))
        {
            periodLabel = period.Label;
            reports = reports.Where(r => r.ReportedAt >= period.From && r.ReportedAt <= period.To);
        }

        if (WireFormats.TryParseDate(query.From, out var from)) reports = reports.Where(r => r.ReportedAt >= from);
        if (WireFormats.TryParseDate(query.To, out var to)) reports = reports.Where(r => r.ReportedAt <= to);
        if (!string.IsNullOrEmpty(query.Municipality)) reports = reports.Where(r => r.Municipality == query.Municipality);
        if (!string.IsNullOrEmpty(query.ServiceArea)) reports = reports.Where(r => r.ServiceArea == query.ServiceArea);
        if (WireFormats.TryParse<ReportKind>(query.Kind, out var kind)) reports = reports.Where(r => r.Kind == kind);

        var total = await reports.LongCountAsync(cancellationToken);
        var pairs = await (
            from r in reports
            from c in r.Categories
            join t in db.TaxonomyCategories on new { V = r.TaxonomyVersion, C = c.CategoryId } equals new { V = t.Version, C = t.Id } into tj
            from t in tj.DefaultIfEmpty()
            select new { r.Id, r.ReportedAt, r.Municipality, r.ServiceArea, c.CategoryId, Need = t == null ? null : t.SupportNeed })
            .ToListAsync(cancellationToken);

        var counted = new HashSet<(string Key, string? Group, string Report)>();
        foreach (var p in pairs)
        {
            var key = dimension switch
            {
                "support_need" => p.Need ?? Unmapped,
                "law_item" => p.Need is not null && needs.Find(p.Need) is { } n ? n.LawItem.ToString(CultureInfo.InvariantCulture) : Unmapped,
                _ => p.CategoryId,
            };
            var group = groupBy switch
            {
                "period" => Contracts.Period.HalfYearOf(p.ReportedAt),
                "municipality" => p.Municipality ?? "",
                "service_area" => p.ServiceArea,
                _ => null,
            };
            counted.Add((key, group, p.Id));
        }

        var counts = counted.GroupBy(x => (x.Key, x.Group)).ToDictionary(g => g.Key, g => (long)g.Count());
        var labels = await LabelsAsync(dimension, counts.Keys.Select(k => k.Key).Distinct().ToList(), cancellationToken);
        if (groupBy == "none")
        {
            // Every key is listed, zeros included, so that two regions' tables line up.
            foreach (var key in labels.Keys) counts.TryAdd((key, null), 0);
        }

        var suppressBelow = user.Role == Role.Tutkija ? options.Value.Statistics.SuppressBelow : 0;
        var rows = counts
            .OrderBy(kv => kv.Key.Group, StringComparer.Ordinal)
            .ThenByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key.Key, StringComparer.Ordinal)
            .Select(kv =>
            {
                var suppressed = kv.Value > 0 && kv.Value < suppressBelow;
                return new StatisticsRow(kv.Key.Key, labels.GetValueOrDefault(kv.Key.Key, kv.Key.Key), kv.Key.Group, suppressed ? null : kv.Value, suppressed);
            })
            .ToList();
        return new StatisticsResponse(dimension, groupBy, periodLabel, total, rows, suppressBelow > 0 ? suppressBelow : null, Counting);
    }

    private const string Unmapped = "(ei tuen tarvetta)";

    private async Task<Dictionary<string, string>> LabelsAsync(string dimension, IReadOnlyList<string> seen, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (dimension)
        {
            case "support_need":
                foreach (var n in needs.All) labels[n.Id] = n.Name;
                break;
            case "law_item":
                foreach (var g in needs.All.GroupBy(n => n.LawItem))
                    labels[g.Key.ToString(CultureInfo.InvariantCulture)] = $"11 § 1 mom. {g.Key}. kohta: " + string.Join("; ", g.Select(n => n.Name));
                break;
            default:
                var current = await taxonomy.CurrentAsync(cancellationToken);
                foreach (var c in current?.Categories ?? []) labels[c.Id] = c.Name;
                var missing = seen.Where(k => !labels.ContainsKey(k)).ToList();
                if (missing.Count > 0)
                {
                    // Categories that left the taxonomy keep the name of their latest version.
                    var old = await db.TaxonomyCategories.AsNoTracking().Where(c => missing.Contains(c.Id))
                        .OrderBy(c => c.Version).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
                    foreach (var o in old) labels[o.Id] = o.Name;
                }

                break;
        }

        return labels;
    }
}

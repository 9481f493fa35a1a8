using System.Globalization;
using System.Net;
using System.Text;

namespace SosRap.Pipeline.Clustering;

/// <summary>
/// The analysts' page: one self-contained HTML file (inline CSS and SVG, no scripts or external
/// assets) in Finnish — the themes with label, size, trend, keywords, a bar chart of reports per
/// period, representative reports (redacted excerpts), municipalities, service areas and
/// categories; candidate new themes first with their evidence.
/// </summary>
public static class ClusterHtml
{
    private static readonly CultureInfo Fi = CultureInfo.GetCultureInfo("fi-FI");

    /// <summary>Renders the page.</summary>
    public static string Render(ThemeAnalysisResult result, int reportCount, string title)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"fi\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
          .Append(E(title)).Append("</title>\n<style>\n")
          .Append("body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1d2329;line-height:1.45}")
          .Append("h1{font-size:1.6rem}h2{font-size:1.2rem;margin:0 0 .3rem}section.theme{border:1px solid #ccd3da;border-radius:8px;padding:1rem;margin:1rem 0}")
          .Append("section.new{border:2px solid #b3261e;background:#fff8f7}.badge{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:.85rem;margin-left:.4rem;background:#e7ecf0}")
          .Append(".badge.new{background:#b3261e;color:#fff}.kw{display:inline-block;margin:.1rem .3rem .1rem 0;padding:0 .35rem;border-radius:3px;background:#eef3e8}")
          .Append("table{border-collapse:collapse;font-size:.9rem}td,th{padding:.15rem .5rem;text-align:left;border-bottom:1px solid #e5e9ec}")
          .Append(".cols{display:flex;flex-wrap:wrap;gap:1.5rem}.cols>div{flex:1 1 16rem}blockquote{margin:.3rem 0;padding:.3rem .6rem;border-left:3px solid #9aa7b2;background:#f6f8f9;font-size:.92rem}")
          .Append("svg text{font-size:10px;fill:#333}.muted{color:#5b6670}\n</style>\n</head>\n<body>\n");
        sb.Append("<h1>").Append(E(title)).Append("</h1>\n<p>")
          .Append(F($"{reportCount} raporttia, {result.Clusters.Count} teemaa, {result.OutlierCount} raporttia ilman teemaa (menetelmä {result.Method}). "))
          .Append(result.Candidates.Count > 0 ? F($"Uusia ilmiöehdokkaita: {result.Candidates.Count}.") : "").Append("</p>\n");
        foreach (var notice in result.Notices) sb.Append("<p class=\"muted\">").Append(E(notice)).Append("</p>\n");

        sb.Append("<table><thead><tr><th>Teema</th><th>Raportteja</th><th>Trendi</th><th>Uusi ilmiö?</th></tr></thead><tbody>\n");
        foreach (var c in result.Clusters)
        {
            sb.Append("<tr><td><a href=\"#t").Append(E(c.Id)).Append("\">").Append(E(c.Label)).Append("</a></td><td>").Append(c.Size.ToString(Fi))
              .Append("</td><td>").Append(TrendName(c.Trend)).Append("</td><td>").Append(c.IsCandidateNewTheme ? "<strong>uusi ilmiö</strong>" : "").Append("</td></tr>\n");
        }

        sb.Append("</tbody></table>\n");
        foreach (var c in result.Clusters) Theme(sb, c, result.Periods);
        sb.Append("<p class=\"muted\">Avainsanat: luokkapohjainen tf-idf (c-TF-IDF) lemmoista ja yhdyssanojen osista. Otteista on poistettu henkilötiedot.</p>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Theme(StringBuilder sb, ThemeCluster c, IReadOnlyList<string> periods)
    {
        sb.Append("<section class=\"theme").Append(c.IsCandidateNewTheme ? " new" : "").Append("\" id=\"t").Append(E(c.Id)).Append("\">\n<h2>")
          .Append(E(c.Label)).Append("<span class=\"badge\">").Append(F($"{c.Size} raporttia")).Append("</span><span class=\"badge\">").Append(TrendName(c.Trend)).Append("</span>");
        if (c.IsCandidateNewTheme) sb.Append("<span class=\"badge new\">uusi ilmiö</span>");
        sb.Append("</h2>\n<p class=\"muted\">Teema ").Append(E(c.Id)).Append("</p>\n<p>");
        foreach (var k in c.Keywords) sb.Append("<span class=\"kw\" title=\"").Append(k.Weight.ToString("0.000", Fi)).Append("\">").Append(E(k.Term)).Append("</span>");
        sb.Append("</p>\n");
        if (c.Novelty is { } n)
        {
            sb.Append("<p>").Append(F($"Uutuus: {n.Novelty:0.00} (poikkeama muihin teemoihin {n.NoveltyScore:0.0} hajontaa)"));
            if (n.FirstSeen is { } first) sb.Append(F($", ensimmäinen raportti {first:d.M.yyyy}"));
            if (n.HistoryNeighborSimilarity is { } h) sb.Append(F($", samankaltaisuus lähimpään aiempaan raporttiin keskimäärin {h:0.00}"));
            if (n.BestCategory is { } fit) sb.Append(F($", lähin luokka {fit.Category} (sopivuus {fit.Cosine:0.00}; teemojen mediaani {n.TypicalCategoryFit:0.00})"));
            sb.Append(".</p>\n");
            if (n.BurstyTerms.Count > 0)
            {
                sb.Append("<p>Yleistyneet sanat: ");
                sb.AppendJoin(", ", n.BurstyTerms.Select(b => E(b.Term) + F($" ({b.NewCount} raporttia, aiemmin {b.HistoryShare:P0})")));
                sb.Append("</p>\n");
            }
        }

        sb.Append("<div class=\"cols\"><div>").Append(Chart(c, periods)).Append("</div><div><strong>Edustavat raportit</strong>\n");
        foreach (var r in c.Representatives) sb.Append("<blockquote><span class=\"muted\">").Append(E(r.Id)).Append(":</span> ").Append(E(r.Excerpt)).Append("</blockquote>\n");
        sb.Append("</div></div>\n<div class=\"cols\">");
        Counts(sb, "Kunnat", c.Municipalities);
        Counts(sb, "Palvelualueet", c.ServiceAreas);
        Counts(sb, "Luokat", c.Categories);
        sb.Append("</div>\n</section>\n");
    }

    // A bar per period; height proportional to the theme's count in it.
    private static string Chart(ThemeCluster c, IReadOnlyList<string> periods)
    {
        if (periods.Count == 0) return "<p class=\"muted\">Ei päivättyjä raportteja.</p>";
        const int barWidth = 34, height = 90, top = 14, bottom = 18;
        var max = Math.Max(1, periods.Max(p => c.Periods.GetValueOrDefault(p)));
        var width = (periods.Count * barWidth) + 10;
        var sb = new StringBuilder();
        sb.Append(F($"<svg role=\"img\" width=\"{width}\" height=\"{height + top + bottom}\" viewBox=\"0 0 {width} {height + top + bottom}\">"));
        sb.Append("<title>").Append(E(c.Label)).Append(": raportit jaksoittain</title>");
        for (var i = 0; i < periods.Count; i++)
        {
            var n = c.Periods.GetValueOrDefault(periods[i]);
            var h = (int)Math.Round((double)n / max * height);
            var x = 5 + (i * barWidth);
            sb.Append(F($"<rect x=\"{x + 4}\" y=\"{top + height - h}\" width=\"{barWidth - 8}\" height=\"{h}\" fill=\"{(c.IsCandidateNewTheme ? "#b3261e" : "#3b6e8f")}\"/>"));
            sb.Append(F($"<text x=\"{x + (barWidth / 2)}\" y=\"{top + height - h - 3}\" text-anchor=\"middle\">{n}</text>"));
            sb.Append(F($"<text x=\"{x + (barWidth / 2)}\" y=\"{top + height + 12}\" text-anchor=\"middle\">")).Append(E(Short(periods[i]))).Append("</text>");
        }

        return sb.Append("</svg>").ToString();
    }

    private static string Short(string period) => period == Periods.Unknown ? "?" : period.Length > 4 ? period[2..] : period;

    private static void Counts(StringBuilder sb, string title, IReadOnlyDictionary<string, int> counts)
    {
        sb.Append("<div><strong>").Append(title).Append("</strong><table>");
        foreach (var (key, n) in counts.Take(8)) sb.Append("<tr><td>").Append(E(key)).Append("</td><td>").Append(n.ToString(Fi)).Append("</td></tr>");
        if (counts.Count > 8) sb.Append("<tr><td class=\"muted\">").Append(F($"… {counts.Count - 8} muuta")).Append("</td><td></td></tr>");
        sb.Append("</table></div>");
    }

    /// <summary>Finnish name of a trend status.</summary>
    public static string TrendName(TrendStatus trend) => trend switch
    {
        TrendStatus.New => "uusi",
        TrendStatus.Growing => "kasvava",
        TrendStatus.Stable => "vakaa",
        TrendStatus.Declining => "vähenevä",
        _ => "ei arvioitavissa",
    };

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string F(FormattableString s) => s.ToString(Fi);
}

using System.Globalization;
using System.Text;
using SosRap.Models;

namespace SosRap.Pipeline.IO;

/// <summary>
/// The checks every format shares: required fields, kind and language values, category ids
/// (against the taxonomy when one is given), id uniqueness across the file and field length.
/// Builds the <see cref="Report"/> when the row has no errors.
/// </summary>
internal sealed class RowChecker
{
    private readonly Dictionary<string, long> _firstRowOfId = new(StringComparer.Ordinal);
    private readonly HashSet<string>? _categoryIds;
    private readonly int _maxFieldLength;

    public RowChecker(Taxonomy? taxonomy, int maxFieldLength)
    {
        _categoryIds = taxonomy?.Categories.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        _maxFieldLength = maxFieldLength;
    }

    /// <summary>Adds the shared problems to <paramref name="d"/>; returns the report when there are no errors.</summary>
    public Report? Check(RowDraft d)
    {
        if (!d.FieldsRead) return null;

        var id = d.Id;
        if (id is null) d.Error(ReportColumns.Id, "id puuttuu tai on tyhjä");
        else if (id.Length > _maxFieldLength)
            d.Error(ReportColumns.Id, $"id on {Count(id.Length)} merkkiä pitkä (enintään {Count(_maxFieldLength)})");
        else if (!_firstRowOfId.TryAdd(id, d.Row))
            d.Error(ReportColumns.Id, $"id '{Safe(id)}' on jo rivillä {Count(_firstRowOfId[id])}");

        if (d.Phenomenon is null) d.Error(ReportColumns.Phenomenon, "ilmiön kuvaus puuttuu tai on tyhjä (pakollinen)");

        var kind = ReportKind.Epakohta;
        if (d.Kind is { } k && !FieldParsers.TryParseKind(k, out kind))
            d.Error(ReportColumns.Kind, $"tuntematon tyyppi; sallitut arvot: {FieldParsers.KindValues}");

        var language = "fi";
        if (d.Language is { } l)
        {
            language = l.Trim().ToLowerInvariant();
            if (!FieldParsers.IsLanguageCode(language))
                d.Error(ReportColumns.Language, "kieli ei ole ISO 639-1 -koodi (kaksi kirjainta, esim. fi tai sv)");
        }

        var categories = CheckCategories(d);

        if (d.HasErrors) return null;

        return new Report
        {
            Id = id!,
            Phenomenon = Limit(d, ReportColumns.Phenomenon, d.Phenomenon)!,
            Proposal = Limit(d, ReportColumns.Proposal, d.Proposal) ?? "",
            Municipality = Limit(d, ReportColumns.Municipality, d.Municipality),
            ServiceArea = Limit(d, ReportColumns.ServiceArea, d.ServiceArea),
            ReportedAt = d.ReportedAt,
            Categories = categories,
            Kind = kind,
            AffectedClients = d.AffectedClients,
            Responsible = Limit(d, ReportColumns.Responsible, d.Responsible),
            Language = language,
            Theme = Limit(d, ReportColumns.Theme, d.Theme),
            ContainsPii = d.ContainsPii,
        };
    }

    private List<string> CheckCategories(RowDraft d)
    {
        if (d.Categories is not { Count: > 0 } raw) return [];
        var result = new List<string>(raw.Count);
        foreach (var c in raw)
        {
            if (c.Length == 0 || c.Contains('|', StringComparison.Ordinal) || c.Any(char.IsControl) || c.Trim().Length != c.Length)
            {
                d.Error(ReportColumns.Categories, "luokan tunnus on tyhjä tai sisältää merkin '|', ohjausmerkin tai reunavälilyönnin");
            }
            else if (_categoryIds is not null && !_categoryIds.Contains(c))
            {
                d.Error(ReportColumns.Categories, $"tuntematon luokka '{Safe(c)}' (ei annetussa luokituksessa)");
            }
            else if (result.Contains(c, StringComparer.Ordinal))
            {
                d.Warning(ReportColumns.Categories, $"luokka '{Safe(c)}' toistuu; ylimääräinen poistettu");
            }
            else result.Add(c);
        }

        return result;
    }

    private string? Limit(RowDraft d, string field, string? value)
    {
        if (value is null || value.Length <= _maxFieldLength) return value;
        d.Warning(field, $"kenttä on {Count(value.Length)} merkkiä pitkä; katkaistu {Count(_maxFieldLength)} merkkiin");
        return TextLimits.Cut(value, _maxFieldLength);
    }

    private static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>An identifier fit for a message: at most 60 characters, control characters shown as '?'.</summary>
    internal static string Safe(string id)
    {
        var sb = new StringBuilder(Math.Min(id.Length, 61));
        foreach (var ch in id.Length > 60 ? id.AsSpan(0, 60) : id.AsSpan())
            sb.Append(char.IsControl(ch) ? '?' : ch);
        if (id.Length > 60) sb.Append('…');
        return sb.ToString();
    }
}

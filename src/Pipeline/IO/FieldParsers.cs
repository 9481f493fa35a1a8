using System.Globalization;
using System.Text.RegularExpressions;
using SosRap.Models;

namespace SosRap.Pipeline.IO;

/// <summary>
/// Text-to-value conversions shared by the readers. Error messages say what was expected and
/// never repeat the value, which might be report text shifted into the wrong column.
/// </summary>
internal static partial class FieldParsers
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Accepted values of the kind column, after folding (see <see cref="FoldKind"/>).</summary>
    public const string KindValues = "epakohta, hyva_kaytanto";

    /// <summary>Null for a missing or blank value; the value with surrounding white space removed otherwise.</summary>
    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Null for a missing or blank value; the value as it is otherwise (free text keeps its spacing).</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public static bool TryParseDate(string value, out DateOnly date, out string error)
    {
        var s = value.Trim();
        if (DateOnly.TryParseExact(s, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            error = "";
            return true;
        }

        error = s switch
        {
            _ when FinnishDate().IsMatch(s) =>
                "päivämäärä on muodossa P.K.VVVV; odotettiin ISO 8601 -muotoa VVVV-KK-PP (esim. 2024-03-15)",
            _ when IsoDateTime().IsMatch(s) =>
                "päivämäärässä on kellonaika; odotettiin pelkkää päivämäärää VVVV-KK-PP (esim. 2024-03-15)",
            _ when LooseIsoDate().IsMatch(s) =>
                "päivämäärää ei ole olemassa tai kuukausi ja päivä eivät ole kaksinumeroisia; odotettiin VVVV-KK-PP (esim. 2024-03-05)",
            _ => "päivämäärä ei ole muotoa VVVV-KK-PP (ISO 8601, esim. 2024-03-15)",
        };
        return false;
    }

    public static bool TryParseCount(string value, out int count, out string error)
    {
        var s = value.Trim();
        if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            return TryCount(n, out count, out error);
        count = 0;
        error = "arvo ei ole kokonaisluku; odotettiin asiakkaiden määrää numeroina (esim. 12)";
        return false;
    }

    public static bool TryCount(long n, out int count, out string error)
    {
        count = 0;
        if (n < 0)
        {
            error = "asiakkaiden määrä ei voi olla negatiivinen";
            return false;
        }

        if (n > int.MaxValue)
        {
            error = $"asiakkaiden määrä on liian suuri (enintään {int.MaxValue.ToString(CultureInfo.InvariantCulture)})";
            return false;
        }

        count = (int)n;
        error = "";
        return true;
    }

    public static bool TryParseBool(string value, out bool result, out string error)
    {
        error = "";
        switch (value.Trim().ToUpperInvariant())
        {
            case "TRUE" or "1" or "KYLLÄ" or "K" or "YES" or "JA":
                result = true;
                return true;
            case "FALSE" or "0" or "EI" or "E" or "NO" or "NEJ":
                result = false;
                return true;
            default:
                result = false;
                error = "arvo ei ole totuusarvo; odotettiin true/false (myös 1/0, kyllä/ei)";
                return false;
        }
    }

    /// <summary>Parses the kind column: <c>epakohta</c>/<c>hyva_kaytanto</c>, also with ä/ö, any case, space or hyphen.</summary>
    public static bool TryParseKind(string value, out ReportKind kind)
    {
        switch (FoldKind(value))
        {
            case "epakohta":
                kind = ReportKind.Epakohta;
                return true;
            case "hyva_kaytanto":
                kind = ReportKind.HyvaKaytanto;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    public static string FoldKind(string value) =>
        value.Trim().ToLowerInvariant().Replace('ä', 'a').Replace('ö', 'o').Replace(' ', '_').Replace('-', '_');

    /// <summary>The file spelling of a kind.</summary>
    public static string KindName(ReportKind kind) => kind switch
    {
        ReportKind.Epakohta => "epakohta",
        ReportKind.HyvaKaytanto => "hyva_kaytanto",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>True for an ISO 639-1 code: two ASCII letters (case folded by the caller).</summary>
    public static bool IsLanguageCode(string value) => value.Length == 2 && char.IsAsciiLetterLower(value[0]) && char.IsAsciiLetterLower(value[1]);

    /// <summary>Splits a CSV categories cell on <c>|</c>; items are trimmed and empty items dropped.</summary>
    public static List<string> SplitCategories(string value)
    {
        var list = new List<string>();
        foreach (var part in value.Split('|'))
        {
            var id = part.Trim();
            if (id.Length > 0) list.Add(id);
        }

        return list;
    }

    [GeneratedRegex(@"^\d{1,2}\.\d{1,2}\.\d{2,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex FinnishDate();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTime();

    [GeneratedRegex(@"^\d{4}-\d{1,2}-\d{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LooseIsoDate();
}

namespace SosRap.Pipeline.IO;

/// <summary>Puts one text value of a known column into a <see cref="RowDraft"/>, converting and recording problems.</summary>
internal static class DraftFields
{
    /// <summary>Column index (into <see cref="ReportColumns.All"/>) → setter from text.</summary>
    public static void SetText(RowDraft d, int column, string value)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        d.MarkFilled(column);
        var name = ReportColumns.All[column];
        switch (name)
        {
            case ReportColumns.Id: d.Id = FieldParsers.Trimmed(value); break;
            case ReportColumns.Phenomenon: d.Phenomenon = FieldParsers.Text(value); break;
            case ReportColumns.Proposal: d.Proposal = FieldParsers.Text(value); break;
            case ReportColumns.Municipality: d.Municipality = FieldParsers.Trimmed(value); break;
            case ReportColumns.ServiceArea: d.ServiceArea = FieldParsers.Trimmed(value); break;
            case ReportColumns.Responsible: d.Responsible = FieldParsers.Trimmed(value); break;
            case ReportColumns.Theme: d.Theme = FieldParsers.Trimmed(value); break;
            case ReportColumns.Kind: d.Kind = FieldParsers.Trimmed(value); break;
            case ReportColumns.Language: d.Language = FieldParsers.Trimmed(value); break;
            case ReportColumns.Categories: d.Categories = FieldParsers.SplitCategories(value); break;
            case ReportColumns.ReportedAt:
                if (FieldParsers.TryParseDate(value, out var date, out var dateError)) d.ReportedAt = date;
                else d.Error(name, dateError);
                break;
            case ReportColumns.AffectedClients:
                if (FieldParsers.TryParseCount(value, out var count, out var countError)) d.AffectedClients = count;
                else d.Error(name, countError);
                break;
            case ReportColumns.ContainsPii:
                if (FieldParsers.TryParseBool(value, out var flag, out var boolError)) d.ContainsPii = flag;
                else d.Error(name, boolError);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(column));
        }
    }
}

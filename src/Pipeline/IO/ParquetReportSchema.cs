using Parquet.Schema;

namespace SosRap.Pipeline.IO;

/// <summary>
/// The Parquet schema SosRap writes: strings as UTF-8 STRING, <c>reported_at</c> as DATE,
/// <c>categories</c> as a standard three-level <c>list&lt;string&gt;</c>, optional INT32 and BOOLEAN.
/// </summary>
internal static class ParquetReportSchema
{
    /// <summary>Key of the file metadata entry that carries the schema version.</summary>
    public const string VersionKey = "sosrap.reports.version";

    /// <summary>Version of this layout; bump when columns change.</summary>
    public const string Version = "1";

    public static ParquetSchema Create() => new(
        new DataField<string>(ReportColumns.Id, nullable: false),
        new DataField<string>(ReportColumns.Phenomenon, nullable: false),
        new DataField<string>(ReportColumns.Proposal, nullable: false),
        new DataField<string>(ReportColumns.Municipality, nullable: true),
        new DataField<string>(ReportColumns.ServiceArea, nullable: true),
        new DataField<DateOnly?>(ReportColumns.ReportedAt),
        new ListField(ReportColumns.Categories, new DataField<string>(ListField.ElementName, nullable: false)),
        new DataField<string>(ReportColumns.Kind, nullable: false),
        new DataField<int?>(ReportColumns.AffectedClients),
        new DataField<string>(ReportColumns.Responsible, nullable: true),
        new DataField<string>(ReportColumns.Language, nullable: false),
        new DataField<string>(ReportColumns.Theme, nullable: true),
        new DataField<bool?>(ReportColumns.ContainsPii));
}

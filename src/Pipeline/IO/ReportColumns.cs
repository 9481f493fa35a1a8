namespace SosRap.Pipeline.IO;

/// <summary>The column names of the report interchange formats, in their canonical order.</summary>
public static class ReportColumns
{
    public const string Id = "id";
    public const string Phenomenon = "phenomenon";
    public const string Proposal = "proposal";
    public const string Municipality = "municipality";
    public const string ServiceArea = "service_area";
    public const string ReportedAt = "reported_at";
    public const string Categories = "categories";
    public const string Kind = "kind";
    public const string AffectedClients = "affected_clients";
    public const string Responsible = "responsible";
    public const string Language = "language";
    public const string Theme = "theme";
    public const string ContainsPii = "contains_pii";

    /// <summary>Every column, in the order writers emit them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Id, Phenomenon, Proposal, Municipality, ServiceArea, ReportedAt, Categories,
        Kind, AffectedClients, Responsible, Language, Theme, ContainsPii,
    ];

    /// <summary>The position of <paramref name="name"/> in <see cref="All"/>, or -1.</summary>
    public static int IndexOf(string name)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], name, StringComparison.Ordinal)) return i;
        }

        return -1;
    }
}

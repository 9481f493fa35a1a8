namespace SosRap.Models;

/// <summary>The assignment record of <c>sosrap cluster</c>: <c>"-1"</c> marks an outlier.</summary>
public sealed record ClusterAssignment(string Id, string Cluster)
{
    /// <summary>The cluster id used for reports left unclustered.</summary>
    public const string Outlier = "-1";
}

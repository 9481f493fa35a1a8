namespace SosRap.Pipeline.Clustering;

/// <summary>How a theme's share of reports changed in the last period (rule: <see cref="TrendRule"/>).</summary>
public enum TrendStatus
{
    /// <summary>Fewer than two periods with reports, or too few reports to say.</summary>
    Undetermined,

    /// <summary>Appears in the last period (at least the minimum count) and was (almost) absent before.</summary>
    New,

    /// <summary>Its share rose clearly.</summary>
    Growing,

    /// <summary>Neither growing nor declining.</summary>
    Stable,

    /// <summary>Its share fell clearly.</summary>
    Declining,
}

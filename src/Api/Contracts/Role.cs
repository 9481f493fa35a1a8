namespace SosRap.Api.Contracts;

/// <summary>The roles of the service. A user has exactly one; serialised in snake case (<c>tyontekija</c>, …).</summary>
public enum Role
{
    /// <summary>A social worker: submits reports, sees and edits their own.</summary>
    Tyontekija = 0,

    /// <summary>A supervisor: handles the reports of their own service area(s).</summary>
    Esihenkilo = 1,

    /// <summary>The regional working group (RAKE-työryhmä): analyses all reports, clusters, themes, statistics.</summary>
    Tyoryhma = 2,

    /// <summary>A researcher: pseudonymised export and statistics only.</summary>
    Tutkija = 3,

    /// <summary>An administrator: users, API keys, taxonomy. Does not read report texts.</summary>
    Yllapitaja = 4,
}

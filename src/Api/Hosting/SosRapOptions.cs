using System.ComponentModel.DataAnnotations;

namespace SosRap.Api.Hosting;

/// <summary>The service's settings: configuration section <c>SosRap</c> (environment: <c>SosRap__Auth__AdminApiKey</c> …).</summary>
internal sealed class SosRapOptions
{
    public const string Section = "SosRap";

    /// <summary>Where the default SQLite database and the demo keys file live (default <c>var</c> under the working directory).</summary>
    [Required]
    public string DataDirectory { get; set; } = "var";

    public DatabaseOptions Database { get; set; } = new();

    public AuthOptions Auth { get; set; } = new();

    public DemoOptions Demo { get; set; } = new();

    public StatisticsOptions Statistics { get; set; } = new();

    public SuggestionOptions Suggestions { get; set; } = new();

    /// <summary>The analysis pipeline behind suggestions, similarity search and themes.</summary>
    public AnalysisOptions Analysis { get; set; } = new();

    public RedactionOptions Redaction { get; set; } = new();
}

/// <summary>Local word lists for PII redaction (e.g. the region's place and service names that look like surnames).</summary>
internal sealed class RedactionOptions
{
    /// <summary>First names to recognise besides the built-in list.</summary>
    public List<string> AdditionalFirstNames { get; set; } = [];

    /// <summary>Capitalised words never to take for names (local places, services).</summary>
    public List<string> AdditionalNonNames { get; set; } = [];
}

/// <summary>Which database; the connection string itself is <c>ConnectionStrings:SosRap</c>.</summary>
internal sealed class DatabaseOptions
{
    /// <summary><c>sqlite</c> or <c>postgres</c>; empty: decided from the connection string (<c>Host=</c> → PostgreSQL).</summary>
    [AllowedValues("", "sqlite", "postgres")]
    public string Provider { get; set; } = "";

    /// <summary>Apply pending migrations at start (default true). Turn off when migrations are run as a deployment step.</summary>
    public bool MigrateOnStart { get; set; } = true;
}

/// <summary>API key settings.</summary>
internal sealed class AuthOptions
{
    /// <summary>
    /// The bootstrap administrator key (at least 32 characters). Required in Production: the
    /// service refuses to start without one. The administrator creates every other user and key.
    /// </summary>
    public string? AdminApiKey { get; set; }

    /// <summary>How long a validated key is trusted before it is looked up again (1–300 s).</summary>
    [Range(1, 300)]
    public int KeyCacheSeconds { get; set; } = 30;
}

/// <summary>Demo mode: demo users and keys, and the sample reports in an empty database. Development only.</summary>
internal sealed class DemoOptions
{
    /// <summary>Null: on in Development, off elsewhere. True outside Development is refused at start.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Load the 200 sample reports into an empty database (demo mode only).</summary>
    public bool SampleData { get; set; } = true;
}

/// <summary>Statistics settings.</summary>
internal sealed class StatisticsOptions
{
    /// <summary>For researchers, counts from 1 up to this minus one are shown as suppressed (small cells can identify people); 0 turns it off.</summary>
    [Range(0, 100)]
    public int SuppressBelow { get; set; } = 3;
}

/// <summary>How many suggestions are stored with a report.</summary>
internal sealed class SuggestionOptions
{
    [Range(1, 50)]
    public int StoredPerReport { get; set; } = 10;

    [Range(0.0, 1.0)]
    public double StoredThreshold { get; set; } = 0.05;

    [Range(0, 50)]
    public int SimilarReports { get; set; } = 5;
}

/// <summary>Whether the analysis pipeline runs in the service, and where its model lives.</summary>
internal sealed class AnalysisOptions
{
    /// <summary>Off: suggestions, similarity and themes answer "not in use" (reports are stored as always).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Folder of the suggestion model (default <c>model</c> under the data directory).</summary>
    public string? ModelDirectory { get; set; }

    /// <summary>Fewest confirmed reports the suggestion model is trained on.</summary>
    [Range(10, 1_000_000)]
    public int MinTrainingReports { get; set; } = 30;

    /// <summary>Fewest stored reports the similarity index is fitted on.</summary>
    [Range(5, 1_000_000)]
    public int MinIndexReports { get; set; } = 20;
}

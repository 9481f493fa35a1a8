using Parquet.Serialization;
using SosRap.Models;
using SosRap.Pipeline.IO;

namespace SosRap.Pipeline.Clustering;

/// <summary>
/// Parquet versions of the assignments (<c>id</c>, <c>cluster</c>) and the cluster descriptions
/// for researchers: one row per cluster with flat columns; lists as repeated strings, counts
/// per period as parallel lists (<c>periods</c>, <c>period_counts</c>).
/// </summary>
public static class ClusterParquet
{
    /// <summary>Writes the assignments atomically.</summary>
    public static Task WriteAssignmentsAsync(string path, IReadOnlyList<ClusterAssignment> assignments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var rows = assignments.Select(a => new AssignmentRow { Id = a.Id, Cluster = a.Cluster }).ToList();
        return AtomicFile.WriteAsync(path, (stream, ct) => ParquetSerializer.SerializeAsync(rows, stream, cancellationToken: ct), cancellationToken);
    }

    /// <summary>Writes the cluster descriptions atomically.</summary>
    public static Task WriteClustersAsync(string path, IReadOnlyList<ThemeCluster> clusters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var rows = clusters.Select(c => new ClusterRow
        {
            Id = c.Id,
            Label = c.Label,
            Size = c.Size,
            Keywords = c.Keywords.Select(k => k.Term).ToList(),
            KeywordWeights = c.Keywords.Select(k => k.Weight).ToList(),
            Members = c.Members.ToList(),
            RepresentativeIds = c.Representatives.Select(r => r.Id).ToList(),
            Periods = c.Periods.Keys.ToList(),
            PeriodCounts = c.Periods.Values.ToList(),
            Categories = c.Categories.Keys.ToList(),
            CategoryCounts = c.Categories.Values.ToList(),
            Trend = c.Trend.ToString().ToLowerInvariant(),
            IsCandidateNewTheme = c.IsCandidateNewTheme,
            NoveltyScore = c.Novelty?.NoveltyScore,
        }).ToList();
        return AtomicFile.WriteAsync(path, (stream, ct) => ParquetSerializer.SerializeAsync(rows, stream, cancellationToken: ct), cancellationToken);
    }

    /// <summary>One assignment row.</summary>
    public sealed class AssignmentRow
    {
        /// <summary>Report id.</summary>
        [System.Text.Json.Serialization.JsonPropertyName("id")]
        public string Id { get; set; } = "";

        /// <summary>Cluster id, "-1" for an outlier.</summary>
        [System.Text.Json.Serialization.JsonPropertyName("cluster")]
        public string Cluster { get; set; } = "";
    }

    /// <summary>One cluster row.</summary>
    public sealed class ClusterRow
    {
        /// <summary>Cluster id.</summary>
        [System.Text.Json.Serialization.JsonPropertyName("id")]
        public string Id { get; set; } = "";

        /// <summary>Label.</summary>
        [System.Text.Json.Serialization.JsonPropertyName("label")]
        public string Label { get; set; } = "";

        /// <summary>Reports.</summary>
        [System.Text.Json.Serialization.JsonPropertyName("size")]
        public int Size { get; set; }

        /// <summary>Keywords, best first.</summary>
        [System.Text.Json.Serialization.JsonPropertyName("keywords")]
        public List<string> Keywords { get; set; } = [];

        /// <summary>c-TF-IDF weights aligned with <see cref="Keywords"/>.</summary>
        [System.Text.Json.Serialization.JsonPropertyName("keyword_weights")]
        public List<double> KeywordWeights { get; set; } = [];

        /// <summary>Member report ids.</summary>
        [System.Text.Json.Serialization.JsonPropertyName("members")]
        public List<string> Members { get; set; } = [];

        /// <summary>Representative report ids.</summary>
        [System.Text.Json.Serialization.JsonPropertyName("representative_ids")]
        public List<string> RepresentativeIds { get; set; } = [];

        /// <summary>Periods in order.</summary>
        [System.Text.Json.Serialization.JsonPropertyName("periods")]
        public List<string> Periods { get; set; } = [];

        /// <summary>Reports per period, aligned with <see cref="Periods"/>.</summary>
        [System.Text.Json.Serialization.JsonPropertyName("period_counts")]
        public List<int> PeriodCounts { get; set; } = [];

        /// <summary>Categories its members carry.</summary>
        [System.Text.Json.Serialization.JsonPropertyName("categories")]
        public List<string> Categories { get; set; } = [];

        /// <summary>Members per category, aligned with <see cref="Categories"/>.</summary>
        [System.Text.Json.Serialization.JsonPropertyName("category_counts")]
        public List<int> CategoryCounts { get; set; } = [];

        /// <summary>Trend status.</summary>
        [System.Text.Json.Serialization.JsonPropertyName("trend")]
        public string Trend { get; set; } = "";

        /// <summary>Candidate new theme.</summary>
        [System.Text.Json.Serialization.JsonPropertyName("is_candidate_new_theme")]
        public bool IsCandidateNewTheme { get; set; }

        /// <summary>Novelty z-score, when a history was given.</summary>
        [System.Text.Json.Serialization.JsonPropertyName("novelty_score")]
        public double? NoveltyScore { get; set; }
    }
}

using SosRap.Models;

namespace SosRap.Pipeline.IO;

/// <summary>What every writer refuses, so that whatever is written can be read back.</summary>
internal static class ReportWriterChecks
{
    public static void CheckCategories(Report report)
    {
        foreach (var c in report.Categories)
        {
            if (string.IsNullOrEmpty(c) || c.Contains('|', StringComparison.Ordinal))
                throw new ArgumentException($"Report '{report.Id}' has a category id that is empty or contains '|', which the CSV format cannot carry.", nameof(report));
        }
    }
}

using SosRap.Pipeline;

namespace SosRap.Api.Cli;

/// <summary>
/// Resolves the history of new-theme detection from <c>--model DIR</c> or <c>--history REPORTS</c>.
/// A model directory is read for the reports it was trained on (<c>DIR/history.jsonl</c>, or any
/// report file given with <c>--history</c>), so the two options describe the same history.
/// </summary>
internal static class ModelHistory
{
    /// <summary>The report file to use as history, or null for none.</summary>
    public static string? Resolve(string? model, string? history)
    {
        if (history is not null) return history;
        if (model is null) return null;
        if (!Directory.Exists(model)) throw new InputException("mallihakemistoa ei löydy", model, field: "--model");
        foreach (var name in new[] { "history.jsonl", "history.parquet", "train.jsonl", "reports.jsonl" })
        {
            var path = Path.Combine(model, name);
            if (File.Exists(path)) return path;
        }

        throw new InputException("mallihakemistossa ei ole historiaraportteja (history.jsonl); anna aiemmat raportit valitsimella --history", model, field: "--model");
    }
}

using SosRap.Models;

namespace SosRap.Pipeline.IO;

/// <summary>
/// Writes reports one at a time to CSV, JSONL or Parquet. Call <see cref="CompleteAsync"/> after
/// the last report (Parquet writes its footer then); disposing without completing leaves the
/// output incomplete, which is what <see cref="AtomicFile"/> relies on to discard it.
/// </summary>
public interface IReportWriter : IAsyncDisposable
{
    /// <summary>Reports written so far.</summary>
    long Count { get; }

    /// <summary>Writes one report.</summary>
    ValueTask WriteAsync(Report report, CancellationToken cancellationToken = default);

    /// <summary>Flushes everything and finishes the file.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken = default);
}

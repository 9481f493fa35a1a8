using System.Collections.Concurrent;

namespace SosRap.Api.Services;

/// <summary>
/// Taxonomy versions never change once created, so they are cached for good; which version is
/// current is re-read after a few seconds, so a version made by another replica is seen soon.
/// </summary>
internal sealed class TaxonomyCache(TimeProvider time)
{
    private static readonly TimeSpan CurrentTtl = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<int, TaxonomySnapshot> _versions = new();
    private (int Version, DateTimeOffset CheckedAt)? _current;

    public bool TryGetVersion(int version, out TaxonomySnapshot snapshot) => _versions.TryGetValue(version, out snapshot!);

    public void AddVersion(TaxonomySnapshot snapshot) => _versions.TryAdd(snapshot.Version, snapshot);

    public int? CurrentVersion => _current is { } c && time.GetUtcNow() - c.CheckedAt < CurrentTtl ? c.Version : null;

    public void SetCurrent(int version) => _current = (version, time.GetUtcNow());

    public void ForgetCurrent() => _current = null;
}

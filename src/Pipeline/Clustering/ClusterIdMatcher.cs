namespace SosRap.Pipeline.Clustering;

/// <summary>
/// Keeps cluster ids stable across reruns: each new cluster takes the id of the previous run's
/// cluster it shares the most members with (Jaccard of report ids), greedily from the best pair
/// down, when the Jaccard is at least the threshold; every other cluster gets a fresh id above the
/// previous ones. Member overlap, not centroid distance, because the representation is refitted on
/// every run and its coordinates are not comparable between runs.
/// </summary>
public static class ClusterIdMatcher
{
    /// <summary>The id of each new cluster, aligned with <paramref name="current"/>.</summary>
    public static string[] Match(IReadOnlyList<IReadOnlyCollection<string>> current, IReadOnlyList<(string Id, IReadOnlyCollection<string> Members)> previous, double threshold)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        var pairs = new List<(double Score, int Current, int Previous)>();
        var prevSets = previous.Select(p => new HashSet<string>(p.Members, StringComparer.Ordinal)).ToArray();
        for (var c = 0; c < current.Count; c++)
        {
            for (var p = 0; p < previous.Count; p++)
            {
                var inter = current[c].Count(prevSets[p].Contains);
                var union = current[c].Count + prevSets[p].Count - inter;
                var j = union == 0 ? 0 : (double)inter / union;
                if (j >= threshold) pairs.Add((j, c, p));
            }
        }

        var ids = new string?[current.Count];
        var usedPrevious = new bool[previous.Count];
        foreach (var (_, c, p) in pairs.OrderByDescending(x => x.Score).ThenBy(x => x.Current).ThenBy(x => x.Previous))
        {
            if (ids[c] is not null || usedPrevious[p]) continue;
            ids[c] = previous[p].Id;
            usedPrevious[p] = true;
        }

        var next = 0;
        foreach (var (id, _) in previous)
        {
            if (int.TryParse(id, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n)) next = Math.Max(next, n + 1);
        }

        var taken = new HashSet<string>(previous.Select(p => p.Id), StringComparer.Ordinal);
        for (var c = 0; c < ids.Length; c++)
        {
            if (ids[c] is not null) continue;
            string id;
            do id = (next++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            while (taken.Contains(id));
            ids[c] = id;
        }

        return ids!;
    }
}

namespace SosRap.Models;

/// <summary>A versioned set of categories. Ids are unique (checked on construction).</summary>
public sealed record Taxonomy
{
    /// <summary>Creates a taxonomy, rejecting empty and duplicate ids.</summary>
    /// <exception cref="ArgumentException">An id is empty or occurs twice.</exception>
    public Taxonomy(IReadOnlyList<Category> categories, string version = "1")
    {
        ArgumentNullException.ThrowIfNull(categories);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Count; i++)
        {
            var id = categories[i].Id;
            if (string.IsNullOrWhiteSpace(id))
                throw new ArgumentException($"Category at position {i + 1} has an empty id.", nameof(categories));
            if (!seen.Add(id))
                throw new ArgumentException($"Category id '{id}' occurs more than once (position {i + 1}).", nameof(categories));
        }

        Categories = categories;
        Version = version;
    }

    /// <summary>Categories in file order.</summary>
    public IReadOnlyList<Category> Categories { get; }

    /// <summary>Version label; reports keep the version they were categorised with.</summary>
    public string Version { get; }

    /// <summary>True when <paramref name="id"/> names a category of this taxonomy.</summary>
    public bool Contains(string id) => Categories.Any(c => string.Equals(c.Id, id, StringComparison.Ordinal));
}

using System.Collections.Frozen;
using SosRap.Api.Contracts;

namespace SosRap.Api.Services;

/// <summary>One taxonomy version, immutable, with lookup by category id.</summary>
internal sealed class TaxonomySnapshot
{
    private readonly FrozenDictionary<string, CategoryResponse> _byId;

    public TaxonomySnapshot(int version, DateTime createdAt, string note, IReadOnlyList<CategoryResponse> categories)
    {
        Version = version;
        CreatedAt = createdAt;
        Note = note;
        Categories = categories;
        _byId = categories.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public int Version { get; }
    public DateTime CreatedAt { get; }
    public string Note { get; }
    public IReadOnlyList<CategoryResponse> Categories { get; }

    public bool Contains(string id) => _byId.ContainsKey(id);

    public CategoryResponse? Find(string id) => _byId.GetValueOrDefault(id);

    public TaxonomyResponse ToResponse() => new(Version, CreatedAt, Note, Categories);
}

using System.Collections.Frozen;
using System.Text.Json;
using SosRap.Api.Contracts;

namespace SosRap.Api.Services;

/// <summary>
/// The support needs of the Social Welfare Act (1301/2014) 11 § 1 mom. — the national scale every
/// regional taxonomy maps to, so that regions with different categories can be compared.
/// Item 8 is split into three needs that share <c>law_item</c> 8.
/// </summary>
internal sealed class SupportNeedCatalog
{
    private readonly FrozenDictionary<string, SupportNeedResponse> _byId;

    public SupportNeedCatalog()
        : this(EmbeddedData.ReadAll(EmbeddedData.SupportNeeds))
    {
    }

    internal SupportNeedCatalog(ReadOnlySpan<byte> json)
    {
        var items = JsonSerializer.Deserialize<List<Item>>(json, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })
            ?? throw new InvalidDataException("support_needs.json is empty.");
        All = items.Select(i => new SupportNeedResponse(i.Id, i.LawItem, i.Name, i.Description)).ToList();
        _byId = All.ToFrozenDictionary(n => n.Id, StringComparer.Ordinal);
    }

    /// <summary>Every need in law order.</summary>
    public IReadOnlyList<SupportNeedResponse> All { get; }

    public bool Contains(string id) => _byId.ContainsKey(id);

    public SupportNeedResponse? Find(string id) => _byId.GetValueOrDefault(id);

    private sealed record Item(string Id, int LawItem, string Name, string Description);
}

namespace SosRap.Api.Storage;

/// <summary>A taxonomy version. The highest is current; reports keep the version they were categorised with.</summary>
internal sealed class TaxonomyVersionEntity
{
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public required string Note { get; set; }
    public List<TaxonomyCategoryEntity> Categories { get; set; } = [];
}

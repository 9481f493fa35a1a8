namespace SosRap.Api.Storage;

/// <summary>A category of one taxonomy version, with its Social Welfare Act 11 § support need.</summary>
internal sealed class TaxonomyCategoryEntity
{
    public int Version { get; set; }
    public required string Id { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public List<string> Terms { get; set; } = [];
    public required string SupportNeed { get; set; }
}

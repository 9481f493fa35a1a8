using SosRap.Api.Contracts;

namespace SosRap.Api.Storage;

/// <summary>A user of the service with one role.</summary>
internal sealed class UserEntity
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public Role Role { get; set; }
    public List<string> ServiceAreas { get; set; } = [];
    public bool Disabled { get; set; }

    /// <summary>Marks the demo accounts created in development mode.</summary>
    public bool IsDemo { get; set; }

    public DateTime CreatedAt { get; set; }
}

namespace SosRap.Api.Storage;

/// <summary>An API key, stored as the SHA-256 of the key: the key itself is shown once and never stored.</summary>
internal sealed class ApiKeyEntity
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Label { get; set; }

    /// <summary>The first characters of the key, so a person can tell keys apart.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole key (keys are 256-bit random, so an unsalted fast hash is enough).</summary>
    public required byte[] Hash { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

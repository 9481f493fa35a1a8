namespace SosRap.Api.Contracts;

/// <summary>A new API key: <see cref="Key"/> is shown only now and stored only as a hash.</summary>
public sealed record NewApiKeyResponse(ApiKeyResponse Metadata, string Key);

using System.Security.Cryptography;
using System.Text;

namespace SosRap.Api.Auth;

/// <summary>
/// API key format and hashing. A key is <c>srk_</c> followed by 43 characters of base64url
/// (256 random bits). Only its SHA-256 is stored; comparing hashes of high-entropy keys needs no
/// salt or slow hash.
/// </summary>
internal static class ApiKeys
{
    public const string Scheme = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    private const string KeyPrefix = "srk_";

    /// <summary>Shortest key accepted from configuration (the bootstrap administrator key).</summary>
    public const int MinimumConfiguredLength = 32;

    /// <summary>Longest key accepted in a request; longer values are refused without hashing.</summary>
    public const int MaximumLength = 200;

    /// <summary>A new random key.</summary>
    public static string Generate() => KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>SHA-256 of the key's UTF-8 bytes.</summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>The part of a key shown to people to tell keys apart (never enough to use it).</summary>
    public static string DisplayPrefix(string key) => key.Length <= 12 ? key[..Math.Min(4, key.Length)] : key[..12];

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SosRap.Api.Contracts;
using SosRap.Api.Hosting;
using SosRap.Api.Storage;

namespace SosRap.Api.Auth;

/// <summary>
/// Looks API keys up by hash and caches the answer briefly, so that a busy client costs one
/// database read per <see cref="AuthOptions.KeyCacheSeconds"/>. Revoking a key or changing a user
/// drops the cached entries in this process at once; other replicas follow within the cache time.
/// </summary>
internal sealed class ApiKeyValidator(IServiceScopeFactory scopes, IMemoryCache cache, TimeProvider time, IOptions<SosRapOptions> options)
{
    private static readonly object Invalid = new();
    private readonly TimeSpan _ttl = TimeSpan.FromSeconds(options.Value.Auth.KeyCacheSeconds);

    /// <summary>The principal for <paramref name="key"/>, or null when the key is unknown, revoked, expired or its user disabled.</summary>
    public async ValueTask<ClaimsPrincipal?> ValidateAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(key);
        var cacheKey = CacheKey(hash);
        if (cache.TryGetValue(cacheKey, out var cached))
            return cached as ClaimsPrincipal;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SosRapDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var found = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Join(db.Users.AsNoTracking(), k => k.UserId, u => u.Id, (k, u) => new { k.ExpiresAt, User = u })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || found.User.Disabled || found.ExpiresAt is { } expires && expires <= now)
        {
            // A short negative entry keeps a flood of bad keys off the database.
            cache.Set(cacheKey, Invalid, TimeSpan.FromSeconds(5));
            return null;
        }

        var principal = CreatePrincipal(found.User);
        var ttl = found.ExpiresAt is { } e && e - now < _ttl ? e - now : _ttl;
        cache.Set(cacheKey, principal, ttl);
        return principal;
    }

    /// <summary>Forgets the cached answers for these key hashes (after revoking keys or changing their user).</summary>
    public void Invalidate(IEnumerable<byte[]> hashes)
    {
        foreach (var hash in hashes) cache.Remove(CacheKey(hash));
    }

    internal static ClaimsPrincipal CreatePrincipal(UserEntity user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.Role, WireFormats.Name(user.Role)),
        };
        claims.AddRange(user.ServiceAreas.Select(a => new Claim(CurrentUser.ServiceAreaClaim, a)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeys.Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    private static string CacheKey(byte[] hash) => "apikey:" + Convert.ToHexString(hash);
}

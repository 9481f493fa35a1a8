using Microsoft.EntityFrameworkCore;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Storage;

namespace SosRap.Api.Services;

/// <summary>
/// Taxonomy versions: the current one (the highest), older ones, and new versions made by
/// administrators or by promoting a theme. A new version never changes old reports: each keeps the
/// version it was categorised with, and its categories keep their 11 § support needs.
/// </summary>
internal sealed class TaxonomyService(SosRapDbContext db, TaxonomyCache cache, SupportNeedCatalog needs, AuditLog audit, TimeProvider time)
{
    /// <summary>The current taxonomy; null only before the database is initialised.</summary>
    public async Task<TaxonomySnapshot?> CurrentAsync(CancellationToken cancellationToken)
    {
        var version = cache.CurrentVersion;
        if (version is null)
        {
            version = await db.TaxonomyVersions.MaxAsync(t => (int?)t.Version, cancellationToken);
            if (version is null) return null;
            cache.SetCurrent(version.Value);
        }

        return await VersionAsync(version.Value, cancellationToken);
    }

    public async Task<TaxonomySnapshot?> VersionAsync(int version, CancellationToken cancellationToken)
    {
        if (cache.TryGetVersion(version, out var cached)) return cached;
        var entity = await db.TaxonomyVersions.AsNoTracking().Include(t => t.Categories)
            .FirstOrDefaultAsync(t => t.Version == version, cancellationToken);
        if (entity is null) return null;
        var snapshot = new TaxonomySnapshot(entity.Version, entity.CreatedAt, entity.Note,
            entity.Categories.OrderBy(c => c.Position)
                .Select(c => new CategoryResponse(c.Id, c.Name, c.Description, c.Terms, c.SupportNeed)).ToList());
        cache.AddVersion(snapshot);
        return snapshot;
    }

    public async Task<IReadOnlyList<TaxonomyVersionSummary>> VersionsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.TaxonomyVersions.AsNoTracking().OrderByDescending(t => t.Version)
            .Select(t => new { t.Version, t.CreatedAt, t.Note, Count = t.Categories.Count })
            .ToListAsync(cancellationToken);
        return rows.Select((r, i) => new TaxonomyVersionSummary(r.Version, r.CreatedAt, r.Note, r.Count, i == 0)).ToList();
    }

    /// <summary>Creates a whole new version; every category must map to a known 11 § support need.</summary>
    public async Task<Outcome<TaxonomyResponse>> CreateVersionAsync(CurrentUser? actor, string note, IReadOnlyList<CategoryInput> categories,
        string action, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Count; i++)
        {
            var c = categories[i];
            if (!seen.Add(c.Id)) errors[$"categories[{i}].id"] = ["Sama luokan tunnus on jo aiemmin listassa."];
            if (!needs.Contains(c.SupportNeed))
                errors[$"categories[{i}].support_need"] = [$"Tuntematon tuen tarve; sallitut: {string.Join(", ", needs.All.Select(n => n.Id))}."];
            if (c.Terms.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > Limits.ShortText || t.Any(char.IsControl)))
                errors[$"categories[{i}].terms"] = ["Termi on tyhjä, liian pitkä tai siinä on ohjausmerkkejä."];
        }

        if (errors.Count > 0) return Outcome<TaxonomyResponse>.Invalid(errors);

        var previous = await db.TaxonomyVersions.MaxAsync(t => (int?)t.Version, cancellationToken) ?? 0;
        var entity = new TaxonomyVersionEntity
        {
            Version = previous + 1,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = actor?.Id,
            Note = note,
            Categories = categories.Select((c, i) => new TaxonomyCategoryEntity
            {
                Version = previous + 1,
                Id = c.Id,
                Position = i,
                Name = c.Name,
                Description = c.Description,
                Terms = c.Terms.ToList(),
                SupportNeed = c.SupportNeed,
            }).ToList(),
        };
        db.TaxonomyVersions.Add(entity);
        audit.Record(actor, action, "taxonomy", entity.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [new AuditChange("version", previous == 0 ? null : previous.ToString(System.Globalization.CultureInfo.InvariantCulture),
                entity.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new AuditChange("categories", null, categories.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another version was created at the same moment (the version number is the key).
            db.ChangeTracker.Clear();
            return Outcome<TaxonomyResponse>.Conflict("Taksonomiaan tehtiin samaan aikaan toinen muutos; yritä uudelleen.");
        }

        cache.SetCurrent(entity.Version);
        var snapshot = await VersionAsync(entity.Version, cancellationToken);
        return Outcome<TaxonomyResponse>.Ok(snapshot!.ToResponse());
    }

    /// <summary>A new version: the current categories plus <paramref name="category"/>.</summary>
    public async Task<Outcome<TaxonomyResponse>> AddCategoryAsync(CurrentUser actor, CategoryInput category, string note, string action,
        CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(cancellationToken);
        if (current is null) return Outcome<TaxonomyResponse>.Unavailable("Taksonomiaa ei ole vielä alustettu.");
        if (current.Contains(category.Id))
            return Outcome<TaxonomyResponse>.Conflict($"Luokka '{category.Id}' on jo taksonomian versiossa {current.Version}.");
        var categories = current.Categories
            .Select(c => new CategoryInput { Id = c.Id, Name = c.Name, Description = c.Description, Terms = c.Terms, SupportNeed = c.SupportNeed })
            .Append(category).ToList();
        var outcome = await CreateVersionAsync(actor, note, categories, action, cancellationToken);
        return outcome.Kind == OutcomeKind.Invalid
            ? Outcome<TaxonomyResponse>.Invalid(outcome.Errors!.ToDictionary(kv => kv.Key.Replace($"categories[{categories.Count - 1}]", "category", StringComparison.Ordinal), kv => kv.Value))
            : outcome;
    }
}

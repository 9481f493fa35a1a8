using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Services;
using SosRap.Api.Storage;
using SosRap.Pipeline.IO;

namespace SosRap.Api.Hosting;

/// <summary>
/// Prepares the database at start: migrations, the default taxonomy (version 1 from the embedded
/// <c>data/taxonomy.json</c>) when there is none, the configured administrator key, and in demo
/// mode the demo users, their keys and the sample reports (redacted on the way in like every
/// report).
/// </summary>
internal sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopes,
    DatabaseTarget target,
    IHostEnvironment environment,
    IOptions<SosRapOptions> options,
    TimeProvider time,
    ILogger<DatabaseInitializer> logger)
{
    private const string ConfigKeyLabel = "config:admin";
    private const string DemoKeyLabelPrefix = "demo:";

    /// <summary>Whether demo mode is on: configured, else on in Development only.</summary>
    public bool DemoEnabled => options.Value.Demo.Enabled ?? environment.IsDevelopment();

    public async Task<StartupReport> InitializeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SosRapDbContext>();
        if (options.Value.Database.MigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (target.Provider == DatabaseProvider.Sqlite)
        {
            // WAL: readers never wait for the writer, and a commit is one append + fsync.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var taxonomy = scope.ServiceProvider.GetRequiredService<TaxonomyService>();
        await EnsureTaxonomyAsync(db, taxonomy, cancellationToken);
        await EnsureAdminKeyAsync(db, cancellationToken);
        IReadOnlyList<(DemoAccount Account, string Key)> demoKeys = [];
        var imported = 0;
        if (DemoEnabled)
        {
            demoKeys = await EnsureDemoAccountsAsync(db, cancellationToken);
            if (options.Value.Demo.SampleData && !await db.Reports.AnyAsync(cancellationToken))
                imported = await ImportSampleAsync(db, scope.ServiceProvider.GetRequiredService<ReportTexts>(), taxonomy, cancellationToken);
        }

        return new StartupReport(DemoEnabled, demoKeys, imported);
    }

    private async Task EnsureTaxonomyAsync(SosRapDbContext db, TaxonomyService taxonomy, CancellationToken cancellationToken)
    {
        if (await db.TaxonomyVersions.AnyAsync(cancellationToken)) return;
        var parsed = TaxonomyJson.Parse(EmbeddedData.ReadAll(EmbeddedData.Taxonomy), "taxonomy.json");
        var categories = parsed.Categories.Select(c => new CategoryInput
        {
            Id = c.Id,
            Name = c.Name,
            Description = c.Description,
            Terms = c.Terms,
            SupportNeed = c.SupportNeed ?? throw new InvalidDataException($"Embedded taxonomy category {c.Id} has no support_need."),
        }).ToList();
        var outcome = await taxonomy.CreateVersionAsync(null, "Oletustaksonomia (data/taxonomy.json)", categories, "taxonomy.seeded", cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok) LogTaxonomySeeded(categories.Count);
    }

    /// <summary>Makes the configured administrator key work (and only the current one of them).</summary>
    private async Task EnsureAdminKeyAsync(SosRapDbContext db, CancellationToken cancellationToken)
    {
        var key = options.Value.Auth.AdminApiKey;
        if (string.IsNullOrEmpty(key)) return;
        var hash = ApiKeys.Hash(key);
        var configured = await db.ApiKeys.Where(k => k.Label == ConfigKeyLabel).ToListAsync(cancellationToken);
        if (configured.Any(k => k.Hash.SequenceEqual(hash))) return;
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var old in configured.Where(k => k.RevokedAt is null)) old.RevokedAt = now;
        var userId = configured.FirstOrDefault()?.UserId;
        if (userId is null || !await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            var admin = new UserEntity { Id = Guid.CreateVersion7(), Name = "Ylläpitäjä (asetukset)", Role = Role.Yllapitaja, CreatedAt = now };
            db.Users.Add(admin);
            userId = admin.Id;
        }

        db.ApiKeys.Add(new ApiKeyEntity
        {
            Id = Guid.CreateVersion7(),
            UserId = userId.Value,
            Label = ConfigKeyLabel,
            Prefix = ApiKeys.DisplayPrefix(key),
            Hash = hash,
            CreatedAt = now,
        });
        db.Audit.Add(new AuditEntryEntity
        {
            At = now, Action = "api_key.configured", EntityType = "user", EntityId = userId.Value.ToString(),
            Changes = "[{\"field\":\"api_key\",\"old\":null,\"new\":\"" + ConfigKeyLabel + "\"}]",
        });
        await db.SaveChangesAsync(cancellationToken);
        LogAdminKeyConfigured();
    }

    /// <summary>Demo users and keys; the keys are kept in <c>demo-keys.json</c> of the data directory so they survive restarts.</summary>
    private async Task<IReadOnlyList<(DemoAccount, string)>> EnsureDemoAccountsAsync(SosRapDbContext db, CancellationToken cancellationToken)
    {
        // The data directory exists already unless the database lives elsewhere (--db with --data-dir).
        var directory = Directory.CreateDirectory(Path.GetFullPath(options.Value.DataDirectory)).FullName;
        var file = Path.Combine(directory, "demo-keys.json");
        var saved = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(file))
        {
            saved = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(file, cancellationToken)) ?? saved;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var users = await db.Users.Where(u => u.IsDemo).ToListAsync(cancellationToken);
        var result = new List<(DemoAccount, string)>();
        var changed = false;
        foreach (var account in DemoAccounts.All)
        {
            var user = users.FirstOrDefault(u => u.Name == account.Name);
            if (user is null)
            {
                user = new UserEntity
                {
                    Id = Guid.CreateVersion7(), Name = account.Name, Role = account.Role, ServiceAreas = account.ServiceAreas.ToList(),
                    IsDemo = true, CreatedAt = now,
                };
                db.Users.Add(user);
            }

            var label = DemoKeyLabelPrefix + account.Slug;
            if (saved.TryGetValue(account.Slug, out var key))
            {
                var hash = ApiKeys.Hash(key);
                if (await db.ApiKeys.AnyAsync(k => k.UserId == user.Id && k.Hash == hash && k.RevokedAt == null, cancellationToken))
                {
                    result.Add((account, key));
                    continue;
                }
            }

            key = ApiKeys.Generate();
            db.ApiKeys.Add(new ApiKeyEntity
            {
                Id = Guid.CreateVersion7(), UserId = user.Id, Label = label, Prefix = ApiKeys.DisplayPrefix(key), Hash = ApiKeys.Hash(key), CreatedAt = now,
            });
            saved[account.Slug] = key;
            result.Add((account, key));
            changed = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (changed)
        {
            await AtomicFile.WriteAsync(file, async (stream, ct) => await JsonSerializer.SerializeAsync(stream, saved, cancellationToken: ct), cancellationToken);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return result;
    }

    /// <summary>
    /// The 200 fictional sample reports, through the same redaction and lemma indexing as every
    /// report. States make a plausible history: the latest 20 are new, earlier ones handled and,
    /// for 2024, reported and passed on.
    /// </summary>
    private async Task<int> ImportSampleAsync(SosRapDbContext db, ReportTexts texts, TaxonomyService taxonomy, CancellationToken cancellationToken)
    {
        var current = await taxonomy.CurrentAsync(cancellationToken) ?? throw new InvalidOperationException("No taxonomy to import the samples with.");
        var modelTaxonomy = new Models.Taxonomy(current.Categories.Select(c => new Models.Category(c.Id, c.Name, c.Description, c.Terms, c.SupportNeed)).ToList());
        await using var stream = EmbeddedData.Open(EmbeddedData.SampleReports);
        var reader = ReportReader.Open(stream, "sample_reports.jsonl", new ReportReadOptions { Format = ReportFormat.Jsonl, Taxonomy = modelTaxonomy });
        var samples = new List<Models.Report>();
        await foreach (var r in reader.ReadAllAsync(cancellationToken: cancellationToken)) samples.Add(r);

        var authors = await db.Users.Where(u => u.IsDemo).ToDictionaryAsync(u => u.Name, u => u.Id, cancellationToken);
        var byDate = samples.OrderBy(r => r.ReportedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        for (var i = 0; i < byDate.Count; i++)
        {
            var sample = byDate[i];
            var prepared = texts.Prepare(sample.Phenomenon, sample.Proposal);
            var reportedAt = sample.ReportedAt ?? DateOnly.FromDateTime(now);
            var state = i >= byDate.Count - 20 || sample.Categories.Count == 0 ? ReportState.Uusi : SampleState(reportedAt);
            var serviceArea = sample.ServiceArea ?? "Aikuissosiaalityö";
            var authorName = DemoAccounts.All.First(a => a.Slug == DemoAccounts.AuthorSlugFor(serviceArea)).Name;
            db.Reports.Add(new ReportEntity
            {
                Id = sample.Id,
                AuthorId = authors[authorName],
                Phenomenon = prepared.Phenomenon,
                Proposal = prepared.Proposal,
                Redactions = prepared.Redactions,
                Lemmas = prepared.Lemmas,
                Municipality = sample.Municipality,
                ServiceArea = serviceArea,
                ReportedAt = reportedAt,
                Kind = sample.Kind,
                AffectedClients = sample.AffectedClients,
                Responsible = sample.Responsible,
                Language = sample.Language,
                TaxonomyVersion = current.Version,
                State = state,
                ReportedPeriod = state is ReportState.Raportoitu or ReportState.Valitetty ? Contracts.Period.HalfYearOf(reportedAt) : null,
                ForwardedTo = state == ReportState.Valitetty ? "Kainuun hyvinvointialueen HYTE-ryhmä" : null,
                CreatedAt = reportedAt.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
                UpdatedAt = now,
                Version = 1,
                Categories = sample.Categories.Select(c => new ReportCategoryEntity { ReportId = sample.Id, CategoryId = c }).ToList(),
            });
        }

        db.Audit.Add(new AuditEntryEntity
        {
            At = now, Action = "sample.imported", EntityType = "report", EntityId = "*",
            Changes = "[{\"field\":\"reports\",\"old\":null,\"new\":\"" + byDate.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"}]",
        });
        await db.SaveChangesAsync(cancellationToken);
        LogSampleImported(byDate.Count);
        return byDate.Count;
    }

    private static ReportState SampleState(DateOnly date) => date.Year switch
    {
        2024 when date.Month <= 6 => ReportState.Valitetty,
        2024 => ReportState.Raportoitu,
        2025 when date.Month <= 6 => ReportState.Tyoryhmassa,
        _ => ReportState.Alkukasitelty,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Default taxonomy stored as version 1 ({Count} categories)")]
    private partial void LogTaxonomySeeded(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Configured administrator key registered")]
    private partial void LogAdminKeyConfigured();

    [LoggerMessage(Level = LogLevel.Information, Message = "Sample data imported: {Count} reports")]
    private partial void LogSampleImported(int count);
}

/// <summary>What start-up did: demo mode, the demo keys to print, how many sample reports were loaded.</summary>
internal sealed record StartupReport(bool Demo, IReadOnlyList<(DemoAccount Account, string Key)> DemoKeys, int SampleReportsImported);

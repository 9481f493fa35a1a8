using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SosRap.Api.Contracts;
using SosRap.Models;

namespace SosRap.Api.Storage;

/// <summary>
/// The service's database: the same model on SQLite and PostgreSQL. Each provider has its own
/// derived context (<see cref="SqliteSosRapDbContext"/>, <see cref="PostgresSosRapDbContext"/>) so
/// that each keeps its own migrations; everything else uses this type.
/// </summary>
internal abstract class SosRapDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ReportEntity> Reports => Set<ReportEntity>();
    public DbSet<ReportCategoryEntity> ReportCategories => Set<ReportCategoryEntity>();
    public DbSet<ReportSuggestionEntity> ReportSuggestions => Set<ReportSuggestionEntity>();
    public DbSet<FeedbackEntity> Feedback => Set<FeedbackEntity>();
    public DbSet<AuditEntryEntity> Audit => Set<AuditEntryEntity>();
    public DbSet<UserEntity> Users => Set<UserEntity>();
    public DbSet<ApiKeyEntity> ApiKeys => Set<ApiKeyEntity>();
    public DbSet<TaxonomyVersionEntity> TaxonomyVersions => Set<TaxonomyVersionEntity>();
    public DbSet<TaxonomyCategoryEntity> TaxonomyCategories => Set<TaxonomyCategoryEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Timestamps are UTC everywhere; SQLite hands them back without a kind.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<ReportState>().HaveConversion<WireEnumConverter<ReportState>>().HaveMaxLength(20);
        configurationBuilder.Properties<ReportKind>().HaveConversion<WireEnumConverter<ReportKind>>().HaveMaxLength(20);
        configurationBuilder.Properties<Role>().HaveConversion<WireEnumConverter<Role>>().HaveMaxLength(20);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ReportEntity>(e =>
        {
            e.ToTable("reports");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasMaxLength(Limits.ShortText);
            e.Property(r => r.Phenomenon).HasMaxLength(Limits.Phenomenon);
            e.Property(r => r.Proposal).HasMaxLength(Limits.Proposal);
            e.Property(r => r.Municipality).HasMaxLength(Limits.ShortText);
            e.Property(r => r.ServiceArea).HasMaxLength(Limits.ShortText);
            e.Property(r => r.Responsible).HasMaxLength(Limits.ShortText);
            e.Property(r => r.Language).HasMaxLength(8);
            e.Property(r => r.MergedInto).HasMaxLength(Limits.ShortText);
            e.Property(r => r.ReturnComment).HasMaxLength(Limits.Comment);
            e.Property(r => r.ReportedPeriod).HasMaxLength(20);
            e.Property(r => r.ForwardedTo).HasMaxLength(Limits.Comment);
            e.Property(r => r.Redactions).HasMaxLength(200);
            e.Property(r => r.SuggestionModel).HasMaxLength(Limits.ShortText);
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasIndex(r => new { r.ServiceArea, r.State });
            e.HasIndex(r => r.State);
            e.HasIndex(r => r.AuthorId);
            e.HasIndex(r => r.ReportedAt);
            e.HasMany(r => r.Categories).WithOne().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Suggestions).WithOne().HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<ReportCategoryEntity>(e =>
        {
            e.ToTable("report_categories");
            e.HasKey(c => new { c.ReportId, c.CategoryId });
            e.Property(c => c.CategoryId).HasMaxLength(Limits.ShortText);
            e.HasIndex(c => c.CategoryId);
        });
        modelBuilder.Entity<ReportSuggestionEntity>(e =>
        {
            e.ToTable("report_suggestions");
            e.HasKey(c => new { c.ReportId, c.CategoryId });
            e.Property(c => c.CategoryId).HasMaxLength(Limits.ShortText);
            e.Property(c => c.EvidenceLemmas).HasMaxLength(2000);
            e.Property(c => c.EvidenceReports).HasMaxLength(2000);
        });
        modelBuilder.Entity<FeedbackEntity>(e =>
        {
            e.ToTable("feedback");
            e.HasKey(f => f.Id);
            e.Property(f => f.ReportId).HasMaxLength(Limits.ShortText);
            e.Property(f => f.CategoryId).HasMaxLength(Limits.ShortText);
            e.Property(f => f.Decision).HasMaxLength(10);
            e.Property(f => f.SuggestionModel).HasMaxLength(Limits.ShortText);
            e.HasIndex(f => f.ReportId);
            e.HasOne<ReportEntity>().WithMany().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AuditEntryEntity>(e =>
        {
            e.ToTable("audit_log");
            e.HasKey(a => a.Id);
            e.Property(a => a.ActorRole).HasMaxLength(20);
            e.Property(a => a.Action).HasMaxLength(50);
            e.Property(a => a.EntityType).HasMaxLength(20);
            e.Property(a => a.EntityId).HasMaxLength(Limits.ShortText);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.ActorId);
        });
        modelBuilder.Entity<UserEntity>(e =>
        {
            e.ToTable("users");
            e.HasKey(u => u.Id);
            e.Property(u => u.Name).HasMaxLength(Limits.ShortText);
        });
        modelBuilder.Entity<ApiKeyEntity>(e =>
        {
            e.ToTable("api_keys");
            e.HasKey(k => k.Id);
            e.Property(k => k.Label).HasMaxLength(Limits.ShortText);
            e.Property(k => k.Prefix).HasMaxLength(20);
            e.Property(k => k.Hash).HasMaxLength(32);
            e.HasIndex(k => k.Hash).IsUnique();
            e.HasIndex(k => k.UserId);
            e.HasOne<UserEntity>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TaxonomyVersionEntity>(e =>
        {
            e.ToTable("taxonomy_versions");
            e.HasKey(t => t.Version);
            e.Property(t => t.Version).ValueGeneratedNever();
            e.Property(t => t.Note).HasMaxLength(Limits.Comment);
            e.HasMany(t => t.Categories).WithOne().HasForeignKey(c => c.Version).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TaxonomyCategoryEntity>(e =>
        {
            e.ToTable("taxonomy_categories");
            e.HasKey(c => new { c.Version, c.Id });
            e.Property(c => c.Id).HasMaxLength(Limits.ShortText);
            e.Property(c => c.Name).HasMaxLength(Limits.ShortText);
            e.Property(c => c.Description).HasMaxLength(Limits.Description);
            e.Property(c => c.SupportNeed).HasMaxLength(Limits.ShortText);
        });

        // snake_case columns and constraint names, the same on both databases.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
                property.SetColumnName(JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name));
        }
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class WireEnumConverter<T>() : ValueConverter<T, string>(v => WireFormats.Name(v), v => ParseStored(v))
        where T : struct, Enum
    {
        private static T ParseStored(string value) =>
            WireFormats.TryParse<T>(value, out var parsed) ? parsed : throw new InvalidDataException($"Unknown {typeof(T).Name} value in the database.");
    }
}

using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Hosting;
using SosRap.Api.Storage;
using SosRap.Models;

namespace SosRap.Api.Services;

/// <summary>
/// Submitting, editing, reading and listing reports. Texts are redacted before anything else
/// happens to them; the original text exists only in the request and is never stored or logged.
/// </summary>
internal sealed partial class ReportService(
    SosRapDbContext db,
    ReportTexts texts,
    ILemmaIndexer lemmas,
    IReportInserter inserter,
    ISuggestionService suggester,
    ISimilarReportService similar,
    TaxonomyService taxonomy,
    AuditLog audit,
    TimeProvider time,
    IOptions<SosRapOptions> options,
    ILogger<ReportService> logger)
{
    private static readonly TimeZoneInfo Finland = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
    private readonly SuggestionOptions _suggestionOptions = options.Value.Suggestions;

    /// <summary>Redacts, indexes, suggests and stores a new report in state <c>uusi</c>.</summary>
    public async Task<Outcome<ReportResponse>> SubmitAsync(CurrentUser user, ReportInput input, CancellationToken cancellationToken)
    {
        var current = await taxonomy.CurrentAsync(cancellationToken);
        if (current is null) return Outcome<ReportResponse>.Unavailable("Taksonomiaa ei ole vielä alustettu.");
        if (UnknownCategories(input.Categories, current, "categories") is { } invalid) return invalid.As<ReportResponse>();

        var now = time.GetUtcNow().UtcDateTime;
        var report = new ReportEntity
        {
            Id = NewId(),
            AuthorId = user.Id,
            Phenomenon = "",
            ServiceArea = input.ServiceArea,
            State = ReportState.Uusi,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        Apply(report, input, current.Version);
        report.Categories = (input.Categories ?? []).Select(c => new ReportCategoryEntity { ReportId = report.Id, CategoryId = c }).ToList();
        var similarBlock = await AnalyseAsync(report, current, cancellationToken);

        await inserter.InsertAsync(report, audit.Create(user, "report.submitted", "report", report.Id, Changes(null, report)), cancellationToken);
        await IndexAsync(report, cancellationToken);
        LogSubmitted(report.Id, user.Id, RedactionTotal(report));
        return Outcome<ReportResponse>.Ok(ReportMapper.ToResponse(user, report, current, Empty, user.Name, similarBlock));
    }

    /// <summary>The author replaces the report's fields while it is still <c>uusi</c>; texts are redacted again.</summary>
    public async Task<Outcome<ReportResponse>> UpdateAsync(CurrentUser user, string id, ReportInput input, CancellationToken cancellationToken)
    {
        var report = await LoadAsync(id, cancellationToken);
        if (report is null) return NotFound<ReportResponse>();
        if (report.AuthorId != user.Id)
            return Outcome<ReportResponse>.Forbidden(ReportAccess.CanRead(user, report)
                ? "Vain ilmoituksen laatija voi muokata sitä."
                : "Sinulla ei ole oikeutta tähän ilmoitukseen.");
        if (report.State != ReportState.Uusi)
        {
            return Outcome<ReportResponse>.Conflict($"Ilmoitusta voi muokata vain tilassa uusi; sen tila on {WireFormats.Name(report.State)}.",
                new Dictionary<string, object?> { ["state"] = WireFormats.Name(report.State) });
        }

        var current = await taxonomy.CurrentAsync(cancellationToken);
        if (current is null) return Outcome<ReportResponse>.Unavailable("Taksonomiaa ei ole vielä alustettu.");
        if (UnknownCategories(input.Categories, current, "categories") is { } invalid) return invalid.As<ReportResponse>();

        var before = Snapshot(report);
        Apply(report, input, current.Version);
        SetCategories(report, input.Categories ?? []);
        report.ReturnComment = null;
        report.UpdatedAt = time.GetUtcNow().UtcDateTime;
        report.Version++;
        var similarBlock = await AnalyseAsync(report, current, cancellationToken);
        audit.Record(user, "report.updated", "report", report.Id, Changes(before, report));
        if (await SaveAsync(cancellationToken) is { } conflict) return conflict.As<ReportResponse>();
        await IndexAsync(report, cancellationToken);
        LogUpdated(report.Id, user.Id);
        var decisions = await DecisionsAsync(report.Id, cancellationToken);
        return Outcome<ReportResponse>.Ok(ReportMapper.ToResponse(user, report, current, decisions, user.Name, similarBlock));
    }

    /// <summary>One report, if the caller may read it.</summary>
    public async Task<Outcome<ReportResponse>> GetAsync(CurrentUser user, string id, CancellationToken cancellationToken)
    {
        var report = await LoadAsync(id, cancellationToken, tracking: false);
        if (report is null) return NotFound<ReportResponse>();
        if (!ReportAccess.CanRead(user, report)) return Outcome<ReportResponse>.Forbidden("Sinulla ei ole oikeutta tähän ilmoitukseen.");
        return Outcome<ReportResponse>.Ok(await ResponseAsync(user, report, cancellationToken));
    }

    /// <summary>The reports the caller may read that match the filters, newest report date first.</summary>
    public async Task<PagedList<ReportSummary>> ListAsync(CurrentUser user, ReportListQuery query, CancellationToken cancellationToken)
    {
        var reports = ReportAccess.Visible(db.Reports.AsNoTracking(), user);
        if (query.Mine == true) reports = reports.Where(r => r.AuthorId == user.Id);
        if (Contracts.Period.TryParse(query.Period, out var period))
            reports = reports.Where(r => r.ReportedAt >= period.From && r.ReportedAt <= period.To);
        if (WireFormats.TryParseDate(query.From, out var from)) reports = reports.Where(r => r.ReportedAt >= from);
        if (WireFormats.TryParseDate(query.To, out var to)) reports = reports.Where(r => r.ReportedAt <= to);
        if (!string.IsNullOrEmpty(query.Municipality)) reports = reports.Where(r => r.Municipality == query.Municipality);
        if (!string.IsNullOrEmpty(query.ServiceArea)) reports = reports.Where(r => r.ServiceArea == query.ServiceArea);
        if (WireFormats.TryParse<ReportState>(query.State, out var state)) reports = reports.Where(r => r.State == state);
        if (WireFormats.TryParse<ReportKind>(query.Kind, out var kind)) reports = reports.Where(r => r.Kind == kind);
        if (!string.IsNullOrEmpty(query.Category)) reports = reports.Where(r => r.Categories.Any(c => c.CategoryId == query.Category));
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            foreach (var lemma in lemmas.QueryLemmas(query.Q))
            {
                var word = " " + lemma + " ";
                reports = reports.Where(r => r.Lemmas.Contains(word));
            }
        }

        var page = query.Page ?? 1;
        var size = query.PageSize ?? 25;
        var total = await reports.LongCountAsync(cancellationToken);
        var rows = await reports
            .OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(r => new
            {
                r.Id, r.State, Preview = r.Phenomenon.Substring(0, PreviewLength), r.Municipality, r.ServiceArea, r.ReportedAt, r.Kind,
                Categories = r.Categories.Select(c => c.CategoryId).ToList(), r.AuthorId, Returned = r.ReturnComment != null, r.UpdatedAt,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new ReportSummary(r.Id, r.State, r.Preview, r.Municipality, r.ServiceArea, r.ReportedAt, r.Kind,
            r.Categories.Order(StringComparer.Ordinal).ToList(), r.AuthorId == user.Id, r.Returned, r.UpdatedAt)).ToList();
        return new PagedList<ReportSummary>(items, page, size, total);
    }

    private const int PreviewLength = 300;

    internal static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static string NewId() => "R-" + Guid.CreateVersion7().ToString("N");

    private void Apply(ReportEntity report, ReportInput input, int taxonomyVersion)
    {
        var prepared = texts.Prepare(input.Phenomenon, input.Proposal);
        report.Phenomenon = prepared.Phenomenon;
        report.Proposal = prepared.Proposal;
        report.Redactions = prepared.Redactions;
        report.Lemmas = prepared.Lemmas;
        report.Municipality = input.Municipality;
        report.ServiceArea = input.ServiceArea;
        report.ReportedAt = input.ReportedAt ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Finland).DateTime);
        report.Kind = input.Kind;
        report.AffectedClients = input.AffectedClients;
        report.Responsible = input.Responsible;
        report.Language = input.Language;
        report.TaxonomyVersion = taxonomyVersion;
    }

    internal static string FullText(ReportEntity report) =>
        report.Proposal.Length == 0 ? report.Phenomenon : report.Phenomenon + "\n\n" + report.Proposal;

    /// <summary>Suggestions (stored with the report) and similar reports (only returned). Best effort: a failing model never loses a report.</summary>
    private async Task<SimilarBlock> AnalyseAsync(ReportEntity report, TaxonomySnapshot current, CancellationToken cancellationToken)
    {
        var text = FullText(report);
        SuggestionOutcome? suggestions = null;
        try
        {
            suggestions = await suggester.SuggestAsync(
                new SuggestionQuery(text, report.Language, current.Version, current.Categories.Count, _suggestionOptions.StoredThreshold, report.Id),
                cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAnalysisFailed(report.Id, "suggestions", e.GetType().Name);
        }

        var keep = suggestions is { Status.Available: true }
            ? suggestions.Suggestions.Where(s => current.Contains(s.Category) && s.Score >= _suggestionOptions.StoredThreshold)
                .OrderByDescending(s => s.Score).Take(_suggestionOptions.StoredPerReport).ToList()
            : [];
        report.SuggestionModel = suggestions is { Status.Available: true } ? suggestions.Status.ModelVersion ?? "?" : null;
        var old = report.Suggestions.ToDictionary(s => s.CategoryId, StringComparer.Ordinal);
        report.Suggestions.RemoveAll(s => !keep.Any(k => k.Category == s.CategoryId));
        for (var i = 0; i < keep.Count; i++)
        {
            var s = keep[i];
            if (!old.TryGetValue(s.Category, out var entity))
            {
                entity = new ReportSuggestionEntity { ReportId = report.Id, CategoryId = s.Category };
                report.Suggestions.Add(entity);
            }

            entity.Rank = i;
            entity.Score = Math.Clamp(s.Score, 0, 1);
            entity.EvidenceLemmas = string.Join(' ', s.EvidenceLemmas.Take(10));
            entity.EvidenceReports = string.Join(' ', s.EvidenceReportIds.Take(10));
        }

        if (_suggestionOptions.SimilarReports == 0) return new SimilarBlock(ReportMapper.UnavailableStatus, [], "Samankaltaisten haku on poistettu käytöstä.");
        try
        {
            var found = await similar.FindAsync(text, report.Language, _suggestionOptions.SimilarReports, report.Id, cancellationToken);
            return found.Status.Available
                ? new SimilarBlock(ReportMapper.OkStatus, found.Reports.Select(r => new SimilarItem(r.Id, r.Score)).ToList())
                : new SimilarBlock(ReportMapper.UnavailableStatus, [], found.Status.Reason);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAnalysisFailed(report.Id, "similar", e.GetType().Name);
            return new SimilarBlock(ReportMapper.UnavailableStatus, [], "Samankaltaisten haku epäonnistui.");
        }
    }

    private async Task IndexAsync(ReportEntity report, CancellationToken cancellationToken)
    {
        try
        {
            await similar.IndexAsync(report.Id, FullText(report), report.Language, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAnalysisFailed(report.Id, "index", e.GetType().Name);
        }
    }

    internal static Outcome<object>? UnknownCategories(IReadOnlyList<string>? categories, TaxonomySnapshot taxonomy, string field)
    {
        if (categories is null) return null;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < categories.Count; i++)
        {
            if (!taxonomy.Contains(categories[i]))
            {
                errors[string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]")] =
                    [$"Tuntematon luokka; taksonomian versiossa {taxonomy.Version} on: {string.Join(", ", taxonomy.Categories.Select(c => c.Id))}."];
            }
        }

        return errors.Count == 0 ? null : Outcome<object>.Invalid(errors);
    }

    private static void SetCategories(ReportEntity report, IReadOnlyCollection<string> categories)
    {
        report.Categories.RemoveAll(c => !categories.Contains(c.CategoryId));
        foreach (var c in categories.Where(c => !report.Categories.Any(e => e.CategoryId == c)))
            report.Categories.Add(new ReportCategoryEntity { ReportId = report.Id, CategoryId = c });
    }

    private async Task<ReportEntity?> LoadAsync(string id, CancellationToken cancellationToken, bool tracking = true)
    {
        var query = db.Reports.Include(r => r.Categories).Include(r => r.Suggestions).AsSplitQuery();
        return await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    private async Task<ReportResponse> ResponseAsync(CurrentUser user, ReportEntity report, CancellationToken cancellationToken)
    {
        var reportTaxonomy = await taxonomy.VersionAsync(report.TaxonomyVersion, cancellationToken);
        var decisions = await DecisionsAsync(report.Id, cancellationToken);
        var author = ReportAccess.SeesAuthor(user, report)
            ? await db.Users.AsNoTracking().Where(u => u.Id == report.AuthorId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        return ReportMapper.ToResponse(user, report, reportTaxonomy, decisions, author);
    }

    /// <summary>The latest reviewer decision per category of a report.</summary>
    private async Task<IReadOnlyDictionary<string, string>> DecisionsAsync(string reportId, CancellationToken cancellationToken)
    {
        var rows = await db.Feedback.AsNoTracking().Where(f => f.ReportId == reportId).OrderBy(f => f.Id)
            .Select(f => new { f.CategoryId, f.Decision }).ToListAsync(cancellationToken);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in rows) result[r.CategoryId] = r.Decision;
        return result;
    }

    /// <summary>Saves; a concurrent change to the same report (its version moved on) becomes a 409.</summary>
    private async Task<Outcome<object>?> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<object>.Conflict("Ilmoitusta muutettiin samaan aikaan toisaalla; lataa se uudelleen ja yritä sitten.");
        }
    }

    private static Outcome<T> NotFound<T>() => Outcome<T>.NotFound("Ilmoitusta ei löydy.");

    private static int RedactionTotal(ReportEntity report) => ReportMapper.Redactions(report.Redactions).Total;

    private sealed record FieldSnapshot(string Phenomenon, string Proposal, string? Municipality, string ServiceArea, DateOnly ReportedAt,
        ReportKind Kind, int? AffectedClients, string? Responsible, string Language, string Categories, int TaxonomyVersion, string Redactions);

    private static FieldSnapshot Snapshot(ReportEntity r) => new(r.Phenomenon, r.Proposal, r.Municipality, r.ServiceArea, r.ReportedAt, r.Kind,
        r.AffectedClients, r.Responsible, r.Language, AuditLog.Join(r.Categories.Select(c => c.CategoryId)), r.TaxonomyVersion, r.Redactions);

    /// <summary>The audit changes between two versions of a report's fields (texts as lengths only).</summary>
    private static IEnumerable<AuditChange> Changes(FieldSnapshot? before, ReportEntity after)
    {
        var a = Snapshot(after);
        AuditChange?[] changes =
        [
            before is null ? new AuditChange("state", null, WireFormats.Name(after.State)) : null,
            AuditLog.TextChange("phenomenon", before?.Phenomenon, a.Phenomenon),
            AuditLog.TextChange("proposal", before?.Proposal, a.Proposal),
            AuditLog.Change("municipality", before?.Municipality, a.Municipality),
            AuditLog.Change("service_area", before?.ServiceArea, a.ServiceArea),
            AuditLog.Change("reported_at", before?.ReportedAt.ToString("O", CultureInfo.InvariantCulture), a.ReportedAt.ToString("O", CultureInfo.InvariantCulture)),
            AuditLog.Change("kind", before is null ? null : WireFormats.Name(before.Kind), WireFormats.Name(a.Kind)),
            AuditLog.Change("affected_clients", before?.AffectedClients?.ToString(CultureInfo.InvariantCulture), a.AffectedClients?.ToString(CultureInfo.InvariantCulture)),
            AuditLog.Change("responsible", before?.Responsible, a.Responsible),
            AuditLog.Change("language", before?.Language, a.Language),
            AuditLog.Change("categories", before?.Categories, a.Categories),
            AuditLog.Change("taxonomy_version", before?.TaxonomyVersion.ToString(CultureInfo.InvariantCulture), a.TaxonomyVersion.ToString(CultureInfo.InvariantCulture)),
            AuditLog.Change("redactions", before?.Redactions, a.Redactions),
        ];
        return changes.OfType<AuditChange>();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {ReportId} submitted by user {UserId}; {Redactions} redactions")]
    private partial void LogSubmitted(string reportId, Guid userId, int redactions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {ReportId} updated by its author {UserId}")]
    private partial void LogUpdated(string reportId, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analysis step {Step} failed for report {ReportId}: {ExceptionType}")]
    private partial void LogAnalysisFailed(string reportId, string step, string exceptionType);
}

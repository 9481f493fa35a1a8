using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Storage;

namespace SosRap.Api.Services;

/// <summary>The handling side of reports: workflow transitions and reviewer feedback on suggestions.</summary>
internal sealed partial class ReportService
{
    /// <summary>
    /// Moves a report along the workflow. Checks, in order: the report exists (404) and the caller
    /// may see it (403); the move is allowed from the current state (409 naming the allowed ones);
    /// the caller's role and service area may make it (403); what the move needs is given (400).
    /// </summary>
    public async Task<Outcome<ReportResponse>> TransitionAsync(CurrentUser user, string id, TransitionRequest request, CancellationToken cancellationToken)
    {
        var to = request.To!.Value;
        var report = await LoadAsync(id, cancellationToken);
        if (report is null) return NotFound<ReportResponse>();
        if (!ReportAccess.CanRead(user, report)) return Outcome<ReportResponse>.Forbidden("Sinulla ei ole oikeutta tähän ilmoitukseen.");
        if (request.ExpectedVersion is { } expected && expected != report.Version)
        {
            return Outcome<ReportResponse>.Conflict($"Ilmoitus on muuttunut (versio {report.Version}, odotettiin {expected}); lataa se uudelleen.",
                new Dictionary<string, object?> { ["version"] = report.Version });
        }

        var from = report.State;
        if (!Workflow.IsAllowed(from, to))
        {
            var allowed = Workflow.Targets(from).Select(WireFormats.Name).ToList();
            return Outcome<ReportResponse>.Conflict(
                allowed.Count == 0
                    ? $"Tilasta {WireFormats.Name(from)} ei voi siirtyä mihinkään."
                    : $"Siirto tilasta {WireFormats.Name(from)} tilaan {WireFormats.Name(to)} ei ole sallittu; sallitut: {string.Join(", ", allowed)}.",
                new Dictionary<string, object?> { ["state"] = WireFormats.Name(from), ["allowed"] = allowed });
        }

        if (!Workflow.MayMove(user, from, to, report.ServiceArea))
        {
            var roles = Workflow.RolesFor(from, to);
            return Outcome<ReportResponse>.Forbidden(user.Role == Role.Esihenkilo && roles.Contains(Role.Esihenkilo)
                ? "Voit käsitellä vain omien palvelualueidesi ilmoituksia."
                : $"Siirron {WireFormats.Name(from)} → {WireFormats.Name(to)} voi tehdä vain rooli: {string.Join(", ", roles.Select(WireFormats.Name))}.");
        }

        var reportTaxonomy = await taxonomy.VersionAsync(report.TaxonomyVersion, cancellationToken);
        var changes = new List<AuditChange> { new("state", WireFormats.Name(from), WireFormats.Name(to)) };
        var confirmed = false;
        switch (to)
        {
            case ReportState.Alkukasitelty:
            {
                var categories = request.Categories ?? report.Categories.Select(c => c.CategoryId).ToList();
                if (categories.Count == 0)
                    return Outcome<ReportResponse>.Invalid("categories", "Alkukäsittelyssä vahvistetaan vähintään yksi luokka.");
                if (categories.Distinct(StringComparer.Ordinal).Count() != categories.Count)
                    return Outcome<ReportResponse>.Invalid("categories", "Sama luokka on annettu kahdesti.");
                if (reportTaxonomy is not null && UnknownCategories(categories, reportTaxonomy, "categories") is { } invalid)
                    return invalid.As<ReportResponse>();
                var before = AuditLog.Join(report.Categories.Select(c => c.CategoryId));
                SetCategories(report, categories);
                if (AuditLog.Change("categories", before, AuditLog.Join(categories)) is { } c) changes.Add(c);
                await RecordDerivedFeedbackAsync(user, report, categories, cancellationToken);
                report.ReturnComment = null;
                confirmed = true;
                break;
            }

            case ReportState.Yhdistetty:
            {
                if (string.IsNullOrEmpty(request.MergedInto))
                    return Outcome<ReportResponse>.Invalid("merged_into", "Anna ilmoitus, johon tämä yhdistetään (merged_into).");
                if (request.MergedInto == report.Id)
                    return Outcome<ReportResponse>.Invalid("merged_into", "Ilmoitusta ei voi yhdistää itseensä.");
                var target = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.MergedInto, cancellationToken);
                if (target is null || !ReportAccess.CanRead(user, target))
                    return Outcome<ReportResponse>.Invalid("merged_into", "Kohdeilmoitusta ei löydy.");
                if (target.State == ReportState.Yhdistetty)
                    return Outcome<ReportResponse>.Invalid("merged_into", $"Kohdeilmoitus on itse yhdistetty ilmoitukseen {target.MergedInto}; yhdistä siihen.");
                report.MergedInto = target.Id;
                changes.Add(new AuditChange("merged_into", null, target.Id));
                break;
            }

            case ReportState.Uusi:
            {
                if (string.IsNullOrWhiteSpace(request.Comment))
                    return Outcome<ReportResponse>.Invalid("comment", "Kerro laatijalle, miksi ilmoitus palautetaan (comment).");
                var comment = texts.RedactComment(request.Comment);
                changes.Add(new AuditChange("return_comment", report.ReturnComment is null ? null : "aiempi kommentti", comment.Length + " merkkiä"));
                report.ReturnComment = comment;
                break;
            }

            case ReportState.Raportoitu:
            {
                if (!Contracts.Period.TryParse(request.Period, out var period))
                    return Outcome<ReportResponse>.Invalid("period", "Anna sosiaalisen raportin kausi (period), esim. 2024H1.");
                report.ReportedPeriod = period.Label;
                changes.Add(new AuditChange("reported_period", null, period.Label));
                break;
            }

            case ReportState.Valitetty:
            {
                if (string.IsNullOrWhiteSpace(request.ForwardedTo))
                    return Outcome<ReportResponse>.Invalid("forwarded_to", "Kerro, kenelle ilmiö välitettiin (forwarded_to).");
                report.ForwardedTo = request.ForwardedTo.Trim();
                changes.Add(new AuditChange("forwarded_to", null, report.ForwardedTo));
                break;
            }

            case ReportState.Tyoryhmassa:
                break;
        }

        if (!string.IsNullOrWhiteSpace(request.Comment) && to != ReportState.Uusi)
            changes.Add(new AuditChange("comment", null, texts.RedactComment(request.Comment).Length + " merkkiä"));
        report.State = to;
        report.UpdatedAt = time.GetUtcNow().UtcDateTime;
        report.Version++;
        audit.Record(user, "report.transition", "report", report.Id, changes);
        if (await SaveAsync(cancellationToken) is { } conflict) return conflict.As<ReportResponse>();
        LogTransition(report.Id, WireFormats.Name(from), WireFormats.Name(to), user.Id);
        if (confirmed) await LearnAsync(report, cancellationToken);
        return Outcome<ReportResponse>.Ok(await ResponseAsync(user, report, cancellationToken));
    }

    /// <summary>
    /// Stores a reviewer's decisions on the suggested categories and applies them to the report's
    /// categories: accepted and added join, rejected leave. Accepted and rejected must be among the
    /// suggestions; added must not be (it would be an acceptance).
    /// </summary>
    public async Task<Outcome<ReportResponse>> FeedbackAsync(CurrentUser user, string id, FeedbackRequest request, CancellationToken cancellationToken)
    {
        var report = await LoadAsync(id, cancellationToken);
        if (report is null) return NotFound<ReportResponse>();
        if (!ReportAccess.CanRead(user, report)) return Outcome<ReportResponse>.Forbidden("Sinulla ei ole oikeutta tähän ilmoitukseen.");
        if (!ReportAccess.CanReview(user, report)) return Outcome<ReportResponse>.Forbidden("Voit arvioida vain omien palvelualueidesi ilmoitusten luokkia.");
        if (!Workflow.CategoriesOpen.Contains(report.State))
        {
            return Outcome<ReportResponse>.Conflict($"Luokkia ei voi enää muuttaa tilassa {WireFormats.Name(report.State)}.",
                new Dictionary<string, object?> { ["state"] = WireFormats.Name(report.State) });
        }

        var reportTaxonomy = await taxonomy.VersionAsync(report.TaxonomyVersion, cancellationToken);
        var suggested = report.Suggestions.ToDictionary(s => s.CategoryId, s => s.Score, StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Check(request.Accepted, "accepted", mustBeSuggested: true);
        Check(request.Rejected, "rejected", mustBeSuggested: true);
        Check(request.Added, "added", mustBeSuggested: false);
        if (errors.Count > 0) return Outcome<ReportResponse>.Invalid(errors);

        var before = report.Categories.Select(c => c.CategoryId).ToList();
        var after = before.Union(request.Accepted).Union(request.Added).Except(request.Rejected).ToList();
        if (after.Count > Limits.CategoriesPerReport)
            return Outcome<ReportResponse>.Invalid("added", $"Ilmoituksella voi olla enintään {Limits.CategoriesPerReport} luokkaa.");
        SetCategories(report, after);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (list, decision) in new[] { (request.Accepted, Accepted), (request.Rejected, Rejected), (request.Added, Added) })
        {
            foreach (var category in list)
                db.Feedback.Add(NewFeedback(user, report, category, decision, suggested.TryGetValue(category, out var s) ? s : null, now));
        }

        report.UpdatedAt = now;
        report.Version++;
        var changes = new List<AuditChange>();
        if (AuditLog.Change("categories", AuditLog.Join(before), AuditLog.Join(after)) is { } change) changes.Add(change);
        changes.Add(new AuditChange("feedback", null, string.Create(CultureInfo.InvariantCulture,
            $"accepted {request.Accepted.Count}, rejected {request.Rejected.Count}, added {request.Added.Count}")));
        audit.Record(user, "report.feedback", "report", report.Id, changes);
        if (await SaveAsync(cancellationToken) is { } conflict) return conflict.As<ReportResponse>();
        await LearnAsync(report, cancellationToken);
        return Outcome<ReportResponse>.Ok(await ResponseAsync(user, report, cancellationToken));

        void Check(IReadOnlyList<string> categories, string field, bool mustBeSuggested)
        {
            for (var i = 0; i < categories.Count; i++)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]");
                if (reportTaxonomy is not null && !reportTaxonomy.Contains(categories[i]))
                    errors[key] = [$"Tuntematon luokka taksonomian versiossa {report.TaxonomyVersion}."];
                else if (mustBeSuggested && !suggested.ContainsKey(categories[i]))
                    errors[key] = ["Luokkaa ei ehdotettu tälle ilmoitukselle; lisää se kentässä added."];
                else if (!mustBeSuggested && suggested.ContainsKey(categories[i]))
                    errors[key] = ["Luokka on ehdotettujen joukossa; hyväksy se kentässä accepted."];
            }
        }
    }

    /// <summary>Reviewer decisions after <paramref name="after"/>, oldest first, for training.</summary>
    public async Task<FeedbackPage> FeedbackPageAsync(long after, int limit, CancellationToken cancellationToken)
    {
        var items = await db.Feedback.AsNoTracking().Where(f => f.Id > after).OrderBy(f => f.Id).Take(limit)
            .Select(f => new FeedbackItem(f.Id, f.ReportId, f.CategoryId, f.Decision, f.SuggestedScore, f.TaxonomyVersion, f.CreatedAt))
            .ToListAsync(cancellationToken);
        return new FeedbackPage(items, items.Count == 0 ? after : items[^1].Id);
    }

    private const string Accepted = "accepted";
    private const string Rejected = "rejected";
    private const string Added = "added";

    /// <summary>On confirmation, suggestions without an explicit decision count as accepted (kept) or rejected (dropped), and unsuggested categories as added.</summary>
    private async Task RecordDerivedFeedbackAsync(CurrentUser user, ReportEntity report, IReadOnlyList<string> confirmed, CancellationToken cancellationToken)
    {
        var decided = (await db.Feedback.AsNoTracking().Where(f => f.ReportId == report.Id).Select(f => f.CategoryId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var s in report.Suggestions.Where(s => !decided.Contains(s.CategoryId)))
            db.Feedback.Add(NewFeedback(user, report, s.CategoryId, confirmed.Contains(s.CategoryId) ? Accepted : Rejected, s.Score, now));

        // Unsuggested confirmed categories are additions; without any model that is every category, still a labelled example.
        foreach (var c in confirmed.Where(c => !decided.Contains(c) && !report.Suggestions.Any(s => s.CategoryId == c)))
            db.Feedback.Add(NewFeedback(user, report, c, Added, null, now));
    }

    private static FeedbackEntity NewFeedback(CurrentUser user, ReportEntity report, string category, string decision, double? score, DateTime at) => new()
    {
        ReportId = report.Id,
        CategoryId = category,
        Decision = decision,
        SuggestedScore = score,
        SuggestionModel = report.SuggestionModel,
        TaxonomyVersion = report.TaxonomyVersion,
        ReviewerId = user.Id,
        CreatedAt = at,
    };

    private async Task LearnAsync(ReportEntity report, CancellationToken cancellationToken)
    {
        try
        {
            await suggester.LearnAsync(new LabelledReport(report.Id, FullText(report), report.Language, report.TaxonomyVersion,
                report.Categories.Select(c => c.CategoryId).ToList()), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAnalysisFailed(report.Id, "learn", e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {ReportId} moved {From} -> {To} by user {UserId}")]
    private partial void LogTransition(string reportId, string from, string to, Guid userId);
}

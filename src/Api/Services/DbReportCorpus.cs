using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SosRap.Api.Contracts;
using SosRap.Api.Storage;

namespace SosRap.Api.Services;

/// <summary>The stored reports for the analysis pipeline, read in its own database scope (the pipeline's services are singletons).</summary>
internal sealed class DbReportCorpus(IServiceScopeFactory scopes) : IReportCorpus
{
    public async IAsyncEnumerable<CorpusReport> ReadAsync(DateOnly? from, DateOnly? to, bool labelledOnly,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SosRapDbContext>();
        var handled = Workflow.Handled.ToList();
        var reports = db.Reports.AsNoTracking().Where(r => r.State != ReportState.Yhdistetty);
        if (from is { } f) reports = reports.Where(r => r.ReportedAt >= f);
        if (to is { } t) reports = reports.Where(r => r.ReportedAt <= t);
        if (labelledOnly) reports = reports.Where(r => handled.Contains(r.State) && r.Categories.Any());
        var rows = reports.OrderBy(r => r.ReportedAt).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.Phenomenon, r.Proposal, r.Language, r.ReportedAt, r.Municipality, r.ServiceArea, r.TaxonomyVersion, r.State,
                Categories = r.Categories.Select(c => c.CategoryId).ToList(),
            })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            var text = r.Proposal.Length == 0 ? r.Phenomenon : r.Phenomenon + "\n\n" + r.Proposal;
            yield return new CorpusReport(r.Id, text, r.Language, r.ReportedAt, r.Municipality, r.ServiceArea, r.TaxonomyVersion, r.Categories,
                handled.Contains(r.State));
        }
    }

    public async Task<IReadOnlyList<FeedbackDecision>> FeedbackAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SosRapDbContext>();
        return await db.Feedback.AsNoTracking().Where(f => f.Id > after).OrderBy(f => f.Id).Take(limit)
            .Select(f => new FeedbackDecision(f.Id, f.ReportId, f.CategoryId, f.Decision, f.SuggestedScore, f.TaxonomyVersion, f.CreatedAt))
            .ToListAsync(cancellationToken);
    }
}

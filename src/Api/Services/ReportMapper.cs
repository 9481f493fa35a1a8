using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Storage;

namespace SosRap.Api.Services;

/// <summary>Builds the API's view of a stored report for one caller (what they may see and do).</summary>
internal static class ReportMapper
{
    public const string UnavailableStatus = "unavailable";
    public const string OkStatus = "ok";

    public static ReportResponse ToResponse(
        CurrentUser user,
        ReportEntity report,
        TaxonomySnapshot? taxonomy,
        IReadOnlyDictionary<string, string> decisions,
        string? authorName,
        SimilarBlock? similar = null) => new()
    {
        Id = report.Id,
        State = report.State,
        Phenomenon = report.Phenomenon,
        Proposal = report.Proposal,
        Municipality = report.Municipality,
        ServiceArea = report.ServiceArea,
        ReportedAt = report.ReportedAt,
        Kind = report.Kind,
        AffectedClients = report.AffectedClients,
        Responsible = report.Responsible,
        Language = report.Language,
        Categories = report.Categories.Select(c => c.CategoryId).Order(StringComparer.Ordinal).ToList(),
        TaxonomyVersion = report.TaxonomyVersion,
        IsOwn = report.AuthorId == user.Id,
        AuthorName = ReportAccess.SeesAuthor(user, report) ? authorName : null,
        MergedInto = report.MergedInto,
        ReturnComment = report.ReturnComment,
        ReportedPeriod = report.ReportedPeriod,
        ForwardedTo = report.ForwardedTo,
        CreatedAt = report.CreatedAt,
        UpdatedAt = report.UpdatedAt,
        Version = report.Version,
        Redaction = Redactions(report.Redactions),
        Suggestions = Suggestions(report, taxonomy, decisions),
        Similar = similar,
        AllowedTransitions = Workflow.MovesFor(user, report.State, report.ServiceArea),
    };

    public static SuggestionsBlock Suggestions(ReportEntity report, TaxonomySnapshot? taxonomy, IReadOnlyDictionary<string, string> decisions)
    {
        if (report.SuggestionModel is null)
            return new SuggestionsBlock(UnavailableStatus, null, [], "Luokitusehdotuksia ei ollut käytössä, kun ilmoitus tallennettiin.");
        var items = report.Suggestions.OrderBy(s => s.Rank)
            .Select(s => new SuggestionItem(s.CategoryId, taxonomy?.Find(s.CategoryId)?.Name, s.Score, decisions.GetValueOrDefault(s.CategoryId),
                new EvidenceItem(Split(s.EvidenceLemmas), Split(s.EvidenceReports))))
            .ToList();
        return new SuggestionsBlock(OkStatus, report.SuggestionModel, items);
    }

    /// <summary>Parses the stored <c>kind=count;…</c> form.</summary>
    public static RedactionSummary Redactions(string stored)
    {
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in stored.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && int.TryParse(pair.AsSpan(eq + 1), System.Globalization.CultureInfo.InvariantCulture, out var n)) kinds[pair[..eq]] = n;
        }

        return new RedactionSummary(kinds.Values.Sum(), kinds);
    }

    /// <summary>The stored form of redaction counts: <c>kind=count</c> pairs joined by <c>;</c>.</summary>
    public static string StoreRedactions(IReadOnlyDictionary<string, int> counts) =>
        string.Join(';', counts.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key + "=" + kv.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static string[] Split(string value) => value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

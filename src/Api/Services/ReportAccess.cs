using SosRap.Api.Auth;
using SosRap.Api.Contracts;
using SosRap.Api.Storage;

namespace SosRap.Api.Services;

/// <summary>
/// Who may see and change which report. Workers see their own reports; supervisors also those of
/// their service areas; the working group sees all. Researchers and administrators read no single
/// reports (researchers get the pseudonymised export). Only the author edits, and only while new.
/// </summary>
internal static class ReportAccess
{
    public static bool CanRead(CurrentUser user, ReportEntity report) => user.Role switch
    {
        Role.Tyontekija => report.AuthorId == user.Id,
        Role.Esihenkilo => report.AuthorId == user.Id || user.HandlesArea(report.ServiceArea),
        Role.Tyoryhma => true,
        _ => false,
    };

    /// <summary>May record reviewer feedback (category decisions): supervisors of the area and the working group.</summary>
    public static bool CanReview(CurrentUser user, ReportEntity report) => user.Role switch
    {
        Role.Esihenkilo => user.HandlesArea(report.ServiceArea),
        Role.Tyoryhma => true,
        _ => false,
    };

    /// <summary>The author's name is shown to the author and to supervisors of the area, to nobody else.</summary>
    public static bool SeesAuthor(CurrentUser user, ReportEntity report) =>
        report.AuthorId == user.Id || user.Role == Role.Esihenkilo && user.HandlesArea(report.ServiceArea);

    /// <summary>Restricts a report query to what <paramref name="user"/> may read.</summary>
    public static IQueryable<ReportEntity> Visible(IQueryable<ReportEntity> reports, CurrentUser user)
    {
        switch (user.Role)
        {
            case Role.Tyontekija:
                return reports.Where(r => r.AuthorId == user.Id);
            case Role.Esihenkilo:
                var areas = user.ServiceAreas.ToList();
                return reports.Where(r => r.AuthorId == user.Id || areas.Contains(r.ServiceArea));
            case Role.Tyoryhma:
                return reports;
            default:
                return reports.Where(_ => false);
        }
    }
}

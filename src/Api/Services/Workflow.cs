using System.Collections.Frozen;
using SosRap.Api.Auth;
using SosRap.Api.Contracts;

namespace SosRap.Api.Services;

/// <summary>
/// The handling workflow of a report:
/// <c>uusi</c> → <c>alkukasitelty</c> (categories confirmed) | <c>yhdistetty</c> (merged into a duplicate) |
/// <c>uusi</c> (returned to the author with a comment); <c>alkukasitelty</c> → <c>tyoryhmassa</c> →
/// <c>raportoitu</c> → <c>valitetty</c>. Nothing else is allowed.
/// </summary>
internal static class Workflow
{
    /// <summary>Each allowed move and the roles that may make it (supervisors only within their own service areas).</summary>
    private static readonly FrozenDictionary<ReportState, (ReportState To, Role[] Roles)[]> Moves = new Dictionary<ReportState, (ReportState, Role[])[]>
    {
        [ReportState.Uusi] =
        [
            (ReportState.Alkukasitelty, [Role.Esihenkilo]),
            (ReportState.Yhdistetty, [Role.Esihenkilo]),
            (ReportState.Uusi, [Role.Esihenkilo]),
        ],
        [ReportState.Alkukasitelty] = [(ReportState.Tyoryhmassa, [Role.Esihenkilo, Role.Tyoryhma])],
        [ReportState.Tyoryhmassa] = [(ReportState.Raportoitu, [Role.Tyoryhma])],
        [ReportState.Raportoitu] = [(ReportState.Valitetty, [Role.Tyoryhma])],
        [ReportState.Yhdistetty] = [],
        [ReportState.Valitetty] = [],
    }.ToFrozenDictionary();

    /// <summary>The states handled reports are in: counted in statistics and exported for research (not new, not merged duplicates).</summary>
    public static readonly IReadOnlyList<ReportState> Handled =
        [ReportState.Alkukasitelty, ReportState.Tyoryhmassa, ReportState.Raportoitu, ReportState.Valitetty];

    /// <summary>States whose categories may still change through reviewer feedback.</summary>
    public static readonly IReadOnlyList<ReportState> CategoriesOpen = [ReportState.Uusi, ReportState.Alkukasitelty, ReportState.Tyoryhmassa];

    /// <summary>The states a report in <paramref name="from"/> may move to, whoever asks.</summary>
    public static IReadOnlyList<ReportState> Targets(ReportState from) => Moves[from].Select(m => m.To).ToList();

    public static bool IsAllowed(ReportState from, ReportState to) => Moves[from].Any(m => m.To == to);

    /// <summary>The roles that may move a report from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static IReadOnlyList<Role> RolesFor(ReportState from, ReportState to) =>
        Moves[from].FirstOrDefault(m => m.To == to).Roles ?? [];

    /// <summary>True when <paramref name="user"/> may make the move on a report of <paramref name="serviceArea"/>.</summary>
    public static bool MayMove(CurrentUser user, ReportState from, ReportState to, string serviceArea) =>
        RolesFor(from, to).Contains(user.Role) && (user.Role != Role.Esihenkilo || user.HandlesArea(serviceArea));

    /// <summary>The moves <paramref name="user"/> may make now.</summary>
    public static IReadOnlyList<ReportState> MovesFor(CurrentUser user, ReportState from, string serviceArea) =>
        Moves[from].Where(m => MayMove(user, from, m.To, serviceArea)).Select(m => m.To).ToList();
}

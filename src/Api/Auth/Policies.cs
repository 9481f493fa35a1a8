using Microsoft.AspNetCore.Authorization;
using SosRap.Api.Contracts;

namespace SosRap.Api.Auth;

/// <summary>
/// The authorization policies; every endpoint names one. Finer rules (own report, own service
/// area) are checked where the report is known, in <see cref="Services.ReportAccess"/>.
/// </summary>
internal static class Policies
{
    /// <summary>Submit reports: workers and supervisors.</summary>
    public const string SubmitReports = "reports:submit";

    /// <summary>Read reports (own, own areas' or all, by role): workers, supervisors, the working group.</summary>
    public const string ReadReports = "reports:read";

    /// <summary>Handle reports (workflow, feedback): supervisors and the working group.</summary>
    public const string HandleReports = "reports:handle";

    /// <summary>Suggest categories for a text.</summary>
    public const string Suggest = "suggest";

    /// <summary>Clusters and themes: the working group.</summary>
    public const string Analyse = "analysis";

    /// <summary>Turn a theme into a category: the working group and administrators.</summary>
    public const string PromoteThemes = "themes:promote";

    /// <summary>Statistics: the working group and researchers.</summary>
    public const string Statistics = "statistics";

    /// <summary>Pseudonymised export: researchers and the working group.</summary>
    public const string Export = "export";

    /// <summary>Audit log: administrators and the working group.</summary>
    public const string Audit = "audit";

    /// <summary>Reviewer feedback for training: the working group and administrators.</summary>
    public const string ReadFeedback = "feedback:read";

    /// <summary>Users, API keys and taxonomy changes: administrators.</summary>
    public const string Administer = "admin";

    /// <summary>Any signed-in user (taxonomy, support needs, own profile).</summary>
    public const string AnyUser = "any";

    /// <summary>Registers every policy. The fallback policy denies anonymous access to anything left unmarked.</summary>
    public static void Add(AuthorizationBuilder auth)
    {
        auth.AddPolicy(SubmitReports, p => Roles(p, Role.Tyontekija, Role.Esihenkilo));
        auth.AddPolicy(ReadReports, p => Roles(p, Role.Tyontekija, Role.Esihenkilo, Role.Tyoryhma));
        auth.AddPolicy(HandleReports, p => Roles(p, Role.Esihenkilo, Role.Tyoryhma));
        auth.AddPolicy(Suggest, p => Roles(p, Role.Tyontekija, Role.Esihenkilo, Role.Tyoryhma));
        auth.AddPolicy(Analyse, p => Roles(p, Role.Tyoryhma));
        auth.AddPolicy(PromoteThemes, p => Roles(p, Role.Tyoryhma, Role.Yllapitaja));
        auth.AddPolicy(Statistics, p => Roles(p, Role.Tyoryhma, Role.Tutkija));
        auth.AddPolicy(Export, p => Roles(p, Role.Tutkija, Role.Tyoryhma));
        auth.AddPolicy(Audit, p => Roles(p, Role.Yllapitaja, Role.Tyoryhma));
        auth.AddPolicy(ReadFeedback, p => Roles(p, Role.Tyoryhma, Role.Yllapitaja));
        auth.AddPolicy(Administer, p => Roles(p, Role.Yllapitaja));
        auth.AddPolicy(AnyUser, p => p.RequireAuthenticatedUser());
        auth.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }

    /// <summary>The roles a policy admits, for documentation and the 403 message.</summary>
    private static void Roles(AuthorizationPolicyBuilder policy, params Role[] roles) =>
        policy.RequireAuthenticatedUser().RequireRole(roles.Select(WireFormats.Name));
}

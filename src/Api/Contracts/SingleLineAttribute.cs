using System.ComponentModel.DataAnnotations;

namespace SosRap.Api.Contracts;

/// <summary>A one-line value (municipality, service area, name): no control characters at all, no leading or trailing spaces.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SingleLineAttribute : ValidationAttribute
{
    public SingleLineAttribute()
        : base("Kentän {0} pitää olla yksirivinen ilman reunavälilyöntejä.")
    {
    }

    public override bool IsValid(object? value) =>
        value is not string s || (!s.Any(char.IsControl) && s.Trim().Length == s.Length);
}

using System.ComponentModel.DataAnnotations;

namespace SosRap.Api.Contracts;

/// <summary>An ISO 8601 calendar date <c>YYYY-MM-DD</c> given as text (query strings), between 2000 and 2100.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class IsoDateAttribute : ValidationAttribute
{
    public IsoDateAttribute()
        : base("Kentän {0} pitää olla päivämäärä muodossa VVVV-KK-PP.")
    {
    }

    public override bool IsValid(object? value) => value is not string s || WireFormats.TryParseDate(s, out _);
}

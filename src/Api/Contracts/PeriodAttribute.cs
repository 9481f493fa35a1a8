using System.ComponentModel.DataAnnotations;

namespace SosRap.Api.Contracts;

/// <summary>A reporting period: <c>2024H1</c>, <c>2024H2</c>, <c>2024Q3</c>, <c>2024-05</c> or <c>2024</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PeriodAttribute : ValidationAttribute
{
    public PeriodAttribute()
        : base("Kentän {0} pitää olla kausi, esim. 2024H1, 2024H2, 2024Q3, 2024-05 tai 2024.")
    {
    }

    public override bool IsValid(object? value) => value is not string s || Period.TryParse(s, out _);
}

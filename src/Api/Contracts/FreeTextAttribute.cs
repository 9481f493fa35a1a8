using System.ComponentModel.DataAnnotations;

namespace SosRap.Api.Contracts;

/// <summary>
/// A report text field (phenomenon, proposal, comment): any characters except control characters
/// other than tab, line feed and carriage return, which have no place in a form's text.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class FreeTextAttribute : ValidationAttribute
{
    public FreeTextAttribute()
        : base("Kenttä {0} sisältää ohjausmerkkejä.")
    {
    }

    public override bool IsValid(object? value) =>
        value is not string s || s.All(static c => !char.IsControl(c) || c is '\t' or '\n' or '\r');
}

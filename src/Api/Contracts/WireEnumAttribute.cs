using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace SosRap.Api.Contracts;

/// <summary>The wire name of a value of enum <see cref="EnumType"/> (<c>alkukasitelty</c>, <c>hyva_kaytanto</c>), for query strings.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class WireEnumAttribute(Type enumType) : ValidationAttribute("Kentän {0} arvo ei ole sallittu.")
{
    public Type EnumType { get; } = enumType;

    public override bool IsValid(object? value) => value is not string s || WireFormats.TryParseEnum(EnumType, s, out _);

    public override string FormatErrorMessage(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"Kentän {name} arvo ei ole sallittu; sallitut: {string.Join(", ", WireFormats.EnumNames(EnumType))}.");
}

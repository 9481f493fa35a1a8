using System.Globalization;
using System.Text.Json;

namespace SosRap.Api.Contracts;

/// <summary>Wire formats shared by the contracts: snake-case enum names and ISO dates.</summary>
public static class WireFormats
{
    /// <summary>The JSON name of an enum value, as the API writes it.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>Every wire name of <paramref name="enumType"/>, in declaration order.</summary>
    public static IEnumerable<string> EnumNames(Type enumType) =>
        Enum.GetNames(enumType).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName);

    /// <summary>Parses the exact wire name of a value of <typeparamref name="T"/>; numbers and other spellings are refused.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        if (text is not null && TryParseEnum(typeof(T), text, out var boxed))
        {
            value = (T)boxed!;
            return true;
        }

        value = default;
        return false;
    }

    internal static bool TryParseEnum(Type enumType, string text, out object? value)
    {
        foreach (var name in Enum.GetNames(enumType))
        {
            if (string.Equals(JsonNamingPolicy.SnakeCaseLower.ConvertName(name), text, StringComparison.Ordinal))
            {
                value = Enum.Parse(enumType, name);
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Parses <c>YYYY-MM-DD</c> between 2000-01-01 and 2100-12-31.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year is >= 2000 and <= 2100;
}

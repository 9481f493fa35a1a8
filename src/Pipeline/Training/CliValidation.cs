using System.CommandLine;
using System.Globalization;

namespace SosRap.Training;

/// <summary>Range checks for numeric options, with Finnish messages.</summary>
internal static class CliValidation
{
    private static readonly CultureInfo Fi = CultureInfo.GetCultureInfo("fi-FI");

    public static Option<int> Range(this Option<int> option, int min, int max)
    {
        option.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<int>();
            if (v < min || v > max) r.AddError(string.Create(Fi, $"{option.Name}: arvon on oltava kokonaisluku väliltä {min}–{max} (oli {v})"));
        });
        return option;
    }

    public static Option<double> Range(this Option<double> option, double min, double max, bool minExclusive = false, bool maxExclusive = false)
    {
        option.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<double>();
            var low = minExclusive ? v > min : v >= min;
            var high = maxExclusive ? v < max : v <= max;
            if (!low || !high || !double.IsFinite(v))
            {
                var from = minExclusive ? "yli " + min.ToString(Fi) : min.ToString(Fi);
                var to = maxExclusive ? "alle " + max.ToString(Fi) : max.ToString(Fi);
                r.AddError(string.Create(Fi, $"{option.Name}: arvon on oltava väliltä {from} – {to} (oli {v})"));
            }
        });
        return option;
    }
}

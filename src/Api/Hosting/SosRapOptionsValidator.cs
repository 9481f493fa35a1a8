using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SosRap.Api.Auth;

namespace SosRap.Api.Hosting;

/// <summary>
/// Checks the settings once at start. Production is never default-open: it needs a configured
/// administrator key and refuses demo mode.
/// </summary>
internal sealed class SosRapOptionsValidator(IHostEnvironment environment) : IValidateOptions<SosRapOptions>
{
    public ValidateOptionsResult Validate(string? name, SosRapOptions options)
    {
        var failures = new List<string>();
        foreach (var (section, value) in new (string, object)[]
        {
            ("SosRap", options), ("SosRap:Database", options.Database), ("SosRap:Auth", options.Auth), ("SosRap:Demo", options.Demo),
            ("SosRap:Statistics", options.Statistics), ("SosRap:Suggestions", options.Suggestions),
            ("SosRap:Analysis", options.Analysis),
        })
        {
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true))
                failures.AddRange(results.Select(r => $"{section}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }

        var redaction = new Pipeline.Text.Pii.PiiRedactorOptions
        {
            AdditionalFirstNames = options.Redaction.AdditionalFirstNames,
            AdditionalNonNames = options.Redaction.AdditionalNonNames,
        };
        failures.AddRange(redaction.Validate().Select(p => "SosRap:Redaction: " + p));

        var adminKey = options.Auth.AdminApiKey;
        if (!string.IsNullOrEmpty(adminKey) && (adminKey.Length < ApiKeys.MinimumConfiguredLength || adminKey.Length > ApiKeys.MaximumLength || adminKey.Any(char.IsWhiteSpace)))
            failures.Add($"SosRap:Auth:AdminApiKey: ylläpitäjän avaimen pitää olla {ApiKeys.MinimumConfiguredLength}–{ApiKeys.MaximumLength} merkkiä ilman välilyöntejä.");

        if (environment.IsProduction())
        {
            if (string.IsNullOrEmpty(adminKey))
                failures.Add("SosRap:Auth:AdminApiKey puuttuu: tuotantotilassa palvelu ei käynnisty ilman ylläpitäjän avainta (ympäristömuuttuja SosRap__Auth__AdminApiKey).");
            if (options.Demo.Enabled == true)
                failures.Add("SosRap:Demo:Enabled: esittelytilaa (demoavaimet, esimerkkiaineisto) ei voi käyttää tuotantotilassa.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

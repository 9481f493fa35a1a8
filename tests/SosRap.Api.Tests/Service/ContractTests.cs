using System.ComponentModel.DataAnnotations;
using System.Reflection;
using SosRap.Api.Contracts;
using SosRap.Api.Hosting;

namespace SosRap.Api.Tests.Service;

/// <summary>Small rules of the wire contract that the endpoint tests do not reach one by one.</summary>
public sealed class ContractTests
{
    [Fact]
    public void The_form_offers_exactly_the_responsible_values_that_validation_accepts()
    {
        var allowed = typeof(ReportInput).GetProperty(nameof(ReportInput.Responsible))!.GetCustomAttribute<AllowedValuesAttribute>()!.Values;
        Assert.Equal(ReportInput.ResponsibleValues, allowed.Where(v => v is not null).Cast<string>());
    }

    [Theory]
    [InlineData("2024H1", "2024-01-01", "2024-06-30")]
    [InlineData("2024h2", "2024-07-01", "2024-12-31")]
    [InlineData("2024Q1", "2024-01-01", "2024-03-31")]
    [InlineData("2024Q4", "2024-10-01", "2024-12-31")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2023-02", "2023-02-01", "2023-02-28")]
    [InlineData("2025", "2025-01-01", "2025-12-31")]
    public void Periods_parse_to_their_inclusive_dates(string text, string from, string to)
    {
        Assert.True(Period.TryParse(text, out var period));
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), period.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), period.To);
    }

    [Theory]
    [InlineData("2024H3")]
    [InlineData("2024Q5")]
    [InlineData("2024-13")]
    [InlineData("1999")]
    [InlineData("24H1")]
    [InlineData("2024H1x")]
    [InlineData("")]
    public void Bad_periods_do_not_parse(string text) => Assert.False(Period.TryParse(text, out _));

    [Theory]
    [InlineData("AffectedClients", "affected_clients")]
    [InlineData("Categories[0].SupportNeed", "categories[0].support_need")]
    [InlineData("$", "$")]
    [InlineData("categories[1]", "categories[1]")]
    public void Validation_keys_become_json_field_paths(string key, string wire) =>
        Assert.Equal(wire, ProblemDetailsConventions.WireName(key));
}

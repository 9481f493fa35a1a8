namespace SosRap.Pipeline.Tests;

public sealed class InputExceptionTests
{
    [Fact]
    public void Message_names_file_row_and_field()
    {
        var e = new InputException("päivämäärä ei ole muotoa VVVV-KK-PP", "raportit.csv", 12, "reported_at");
        Assert.Equal("raportit.csv:12: 'reported_at': päivämäärä ei ole muotoa VVVV-KK-PP", e.Message);
        Assert.Equal(12, e.Row);
        Assert.Equal("reported_at", e.Field);
    }

    [Fact]
    public void Message_without_location_is_just_the_problem()
    {
        Assert.Equal("tyhjä teksti", new InputException("tyhjä teksti").Message);
    }

    [Fact]
    public void Row_without_file_is_labelled()
    {
        Assert.Equal("row 3: 'id': puuttuu", new InputException("puuttuu", row: 3, field: "id").Message);
    }
}

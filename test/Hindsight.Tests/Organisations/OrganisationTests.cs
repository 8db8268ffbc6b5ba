using Hindsight.Errors;
using Hindsight.Organisations;

namespace Hindsight.Tests.Organisations;

public sealed class OrganisationTests
{
    [Theory]
    [InlineData("default")]
    [InlineData("acme")]
    [InlineData("payments-team_2.eu")]
    [InlineData("0")]
    public void Parse_ValidName_KeepsIt(string name) => Assert.Equal(name, Organisation.Parse(name).Name);

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("..\\x")]
    [InlineData("../../etc")]
    [InlineData("Acme")]
    [InlineData("acme.")]
    [InlineData("con")]
    [InlineData("nul.txt")]
    [InlineData("a b")]
    [InlineData("naïve")]
    public void Parse_NameThatCouldEscapeAFolderOrCollide_IsBadInputOnTheOrgField(string name)
    {
        var ex = Assert.Throws<HindsightException>(() => Organisation.Parse(name));

        Assert.Equal((ErrorKind.BadInput, "org"), (ex.Error.Kind, ex.Error.Field));
    }

    [Fact]
    public void Parse_TooLong_IsRefused() => Assert.False(Organisation.TryParse(new string('a', 101), out _, out _));

    [Fact]
    public void Default_IsTheDefaultOrganisation_EvenUninitialised()
    {
        Assert.Equal("default", Organisation.Default.Name);
        Assert.Equal("default", default(Organisation).Name);
    }

    [Fact]
    public void Error_DescribesWhereWhatExpectedAndWhatToDo()
    {
        var error = new HindsightError(ErrorKind.BadInput, "'x' is not a time") { Source = "a.csv", Line = 3, Field = "at", Expected = "an ISO-8601 timestamp", Remedy = "fix the row" };

        Assert.Equal("a.csv:3: at: 'x' is not a time; expected an ISO-8601 timestamp; fix the row", error.ToString());
    }
}

using Hindsight.Application.Evaluation;
using Hindsight.Errors;

namespace Hindsight.Application.Tests.Evaluation;

public sealed class LabelledTextsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("labelled-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_WithoutTextFields_TakesTheFreeTextFields_NotCodesDatesLinksOrCategories()
    {
        var services = new[] { "Virtual Machines", "App Service", "Storage" };
        var lines = Enumerable.Range(0, 30).Select(i =>
            $$"""{"id":"PIR-{{i}}","url":"https://status.example.com/{{i}}","started_at":"2024-01-{{(i % 28) + 1:00}}T10:00:00Z","status":"resolved","impact":"minor","service":"{{services[i % 3]}}","title":"Outage number {{i}} in region {{i % 7}}","summary":"Customers saw errors {{i}} times","root_cause_details":"A change {{i}} went wrong","duration_minutes":{{i}},"category":"{{(i % 2 == 0 ? "software" : "power")}}"}""");
        var path = Write("pirs.jsonl", string.Join("\n", lines));

        var read = LabelledTexts.Read(path, "category", textFields: null);

        Assert.Equal(["title", "summary", "root_cause_details"], read.TextFields);
        Assert.Equal(30, read.Examples.Count);
        Assert.Equal("Outage number 0 in region 0\nCustomers saw errors 0 times\nA change 0 went wrong", read.Examples[0].Text);
        Assert.Equal("software", read.Examples[0].Label);
    }

    [Fact]
    public void Read_AJsonArray_AndLabelsInArrays_CountsUnlabelled()
    {
        var path = Write("all.json", """[{"title":"disk full on db-1","tags":["capacity","db"]},{"title":"no label here"},{"title":"dns broke","tags":[]}]""");

        var read = LabelledTexts.Read(path, "tags", ["title"]);

        Assert.Single(read.Examples);
        Assert.Equal(("disk full on db-1", "capacity"), read.Examples[0]);
        Assert.Equal(2, read.Unlabelled);
    }

    [Fact]
    public void Read_JapaneseTextIsText_AndAListOfOneWordCodesIsNot()
    {
        var lines = Enumerable.Range(0, 12).Select(i =>
            $$"""{"概要":"決済APIのコネクションプールが枯渇した{{i}}","codes":["E{{i}}","X{{i}}"],"c":"{{(i % 2 == 0 ? "a" : "b")}}"}""");
        var path = Write("ja.jsonl", string.Join("\n", lines));

        Assert.Equal(["概要"], LabelledTexts.Read(path, "c", null).TextFields);
    }

    [Fact]
    public void Read_ABrokenLineAfterBlankOnes_NamesItsLine()
    {
        var path = Write("blank.jsonl", "\n\n{\"title\":\"a b\",\"c\":\"x\"}\n{broken\n");

        Assert.Equal(4, Assert.Throws<HindsightException>(() => LabelledTexts.Read(path, "c", ["title"])).Error.Line);
    }

    [Fact]
    public void Read_ALabelNoRecordHas_NamesTheFieldsThereAre()
    {
        var path = Write("nolabel.jsonl", "{\"title\":\"a b\",\"cause\":\"x\"}\n");

        var error = Assert.Throws<HindsightException>(() => LabelledTexts.Read(path, "category", null)).Error;

        Assert.Equal("category", error.Field);
        Assert.Contains("cause, title", error.Remedy, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ABrokenLine_NamesTheFileAndLine()
    {
        var path = Write("broken.jsonl", "{\"title\":\"a\",\"c\":\"x\"}\n{\"title\": \"b\", \"c\": \n");

        var error = Assert.Throws<HindsightException>(() => LabelledTexts.Read(path, "c", null)).Error;

        Assert.Equal(ErrorKind.BadInput, error.Kind);
        Assert.Equal(path, error.Source);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Read_NoTextInTheNamedFields_SaysWhichFieldsToName()
    {
        var path = Write("no-text.jsonl", "{\"c\":\"x\",\"body\":\"some words\"}\n{\"c\":\"y\",\"body\":\"other words\"}\n");

        var error = Assert.Throws<HindsightException>(() => LabelledTexts.Read(path, "c", ["title"])).Error;

        Assert.Contains("fields that hold the text", error.Remedy, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}

namespace Hindsight.Cli.Tests;

/// <summary><c>draft</c>, <c>review</c>, <c>hypothesis</c> and <c>timeline</c> as a user runs them.</summary>
public sealed class PostmortemCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ADraftEditedAndIngested_UpdatesTheIncident_AndTheReviewFlagsWhatIsMissing()
    {
        _cli.Write("pm.jsonl", """
            {"id":"PM-1","title":"Checkout timeouts","severity":"SEV2","services":["checkout","payments"],"started_at":"2024-05-02T09:14:00Z","resolved_at":"2024-05-02T10:00:00Z","summary":"Checkout timed out.","responders":[{"name":"Ann"}],"root_causes":[{"kind":"technical","description":"Pool too small"}],"timeline":[{"at":"2024-05-02T09:20:00Z","text":"Alert fired"}]}
            """);
        Assert.Equal(0, (await _cli.RunAsync("ingest", "pm.jsonl")).Exit);
        Assert.Equal(0, (await _cli.RunAsync("hypothesis", "PM-1", "Pool exhausted", "--test", "pool metrics", "--outcome", "confirmed")).Exit);
        Assert.Equal(0, (await _cli.RunAsync("timeline", "PM-1", "Pool raised", "--at", "2024-05-02T09:50:00Z")).Exit);

        var draft = await _cli.RunAsync("draft", "PM-1", "--out", "PM-1.md");
        Assert.True(draft.Exit == 0, draft.ToString());
        Assert.Contains("hindsight ingest PM-1.md", draft.Error, StringComparison.Ordinal);
        var text = File.ReadAllText(Path.Combine(_cli.Folder, "PM-1.md"));
        Assert.Contains("- Pool exhausted — tested by: pool metrics (confirmed)", text, StringComparison.Ordinal);

        var review = await _cli.RunAsync("review", "PM-1.md");
        Assert.Equal(10, review.Exit);
        Assert.Contains("[ ] action items tracked", review.Out, StringComparison.Ordinal);

        // The team edits the draft: an action item, and the summary; ingesting it updates the incident.
        _cli.Write("PM-1.md", text.Replace("## Similar past incidents", "## Action items\n\n### Detect\n\n- [ ] Alert on pool saturation (owner: Ann, due: 2024-06-01)\n\n## Similar past incidents", StringComparison.Ordinal)
            .Replace("Checkout timed out.", "Checkout timed out for 46 minutes.", StringComparison.Ordinal));
        var ingest = await _cli.RunAsync("ingest", "PM-1.md");
        Assert.True(ingest.Exit == 0, ingest.ToString());
        var shown = (await _cli.RunAsync("show", "PM-1", "--json")).Json;
        Assert.Equal("Checkout timed out for 46 minutes.", shown.GetProperty("summary").GetString());
        Assert.Equal("detect", shown.GetProperty("action_items")[0].GetProperty("kind").GetString());
        Assert.Equal("Pool raised", shown.GetProperty("timeline")[1].GetProperty("text").GetString());
        Assert.Equal("confirmed", shown.GetProperty("hypotheses")[0].GetProperty("outcome").GetString());
        Assert.Equal(0, (await _cli.RunAsync("review", "--id", "PM-1")).Exit);
    }

    [Fact]
    public async Task MissingIncidentsAndFiles_AreClearErrors()
    {
        var none = await _cli.RunAsync("draft", "NOPE-1");
        Assert.Equal(11, none.Exit); // no store yet: reading creates none
        Assert.Contains("no store at", none.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cli.Store));
        await _cli.RunAsync("ingest", _cli.Write("one.jsonl", """{"id":"PM-1","title":"Checkout timeouts","started_at":"2024-05-02T09:14:00Z"}""" + "\n"));
        Assert.Equal(5, (await _cli.RunAsync("draft", "NOPE-1")).Exit);
        Assert.Equal(5, (await _cli.RunAsync("review", "nope.md")).Exit);
        Assert.Equal(2, (await _cli.RunAsync("review")).Exit);
        var bad = await _cli.RunAsync("hypothesis", "NOPE-1", "x");
        Assert.Equal(5, bad.Exit);
        Assert.Contains("NOPE-1", bad.Error, StringComparison.Ordinal);
    }
}

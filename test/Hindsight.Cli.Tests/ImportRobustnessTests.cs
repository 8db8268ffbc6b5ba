using System.IO.Compression;
using System.Text;

namespace Hindsight.Cli.Tests;

/// <summary>Imports as a new user meets them: broken files among good ones, undated narratives, gzip, a misspelt store.</summary>
[Collection(SerialCli.Name)]
public sealed class ImportRobustnessTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Postmortem(int n, string? start) =>
        $"---\nid: A-{n}\nservices: [svc-{n}]\n{(start is null ? "" : $"started_at: {start}\n")}---\n# Disk full on node {n}\n## Summary\nThe data disk filled up and writes failed.\n";

    [Fact]
    public async Task Folder_BrokenFrontMatterFirst_TheRestIsStored_OneRejectsFile_AndATotal()
    {
        _cli.Write("pm/a0.md", "---\nid: A-0\nservices: [a, b\nstarted_at: 2024-05-02T09:14:00Z\n---\n# Broken\n");
        _cli.Write("pm/a1.md", "---\nid: A-1\nstarted_at: 2024-05-02T09:14:00Z\n# Unclosed front matter\n");
        for (var n = 2; n <= 4; n++)
        {
            _cli.Write($"pm/a{n}.md", Postmortem(n, $"2024-05-0{n}T09:14:00Z"));
        }

        var result = await _cli.RunAsync("ingest", Path.Combine(_cli.Folder, "pm"));

        Assert.Equal(3, result.Exit);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
        Assert.Contains("a0.md:2: front matter is not valid YAML", result.Error, StringComparison.Ordinal);
        Assert.Contains("a1.md:1: front matter opened with '---' on line 1 is never closed", result.Error, StringComparison.Ordinal);
        Assert.Contains("total: 5 files, 5 read, 3 stored, 2 rejected", result.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_cli.Folder, "*.rejects.jsonl"));
        var rejects = Assert.Single(Directory.GetFiles(Path.Combine(_cli.Store, "rejects")));
        Assert.Equal(2, File.ReadAllLines(rejects).Length);
        Assert.Equal(3, (await _cli.RunAsync("stats", "--json")).Json.GetProperty("incidents").GetInt32());
    }

    [Fact]
    public async Task Csv_UnclosedQuote_IsNamed_AndTheRowsAfterItAreStored()
    {
        var csv = _cli.Write("q.csv", "id,title,started_at\nC-1,\"first ok\",2024-01-01T00:00:00Z\nC-2,\"broken quote,2024-01-02T00:00:00Z\nC-3,third ok,2024-01-03T00:00:00Z\nC-4,fourth ok,2024-01-04T00:00:00Z\n");

        var result = await _cli.RunAsync("ingest", csv);

        Assert.Equal(3, result.Exit);
        Assert.Contains("q.csv:3: a quote opened on line 3 is never closed", result.Error, StringComparison.Ordinal);
        Assert.Contains("4 read, 3 stored", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("100 % 3 stored, 1 rejected", result.Error.Split('\n').Last(l => l.StartsWith("ingest q.csv", StringComparison.Ordinal)).TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UndatedNarratives_AreStoredAndSearchable_AndTimeFiguresSayTheyLeftThemOut()
    {
        _cli.Write("pm/dated.md", Postmortem(1, "2024-05-02T09:14:00Z"));
        _cli.Write("pm/undated-1.md", Postmortem(2, null));
        _cli.Write("pm/undated-2.md", Postmortem(3, null).Replace("Disk full", "Certificate expired", StringComparison.Ordinal));

        Assert.Equal(0, (await _cli.RunAsync("ingest", Path.Combine(_cli.Folder, "pm"))).Exit);

        var stats = (await _cli.RunAsync("stats", "--json")).Json;
        Assert.Equal(3, stats.GetProperty("incidents").GetInt32());
        Assert.Equal(2, stats.GetProperty("undated").GetInt32());
        var metrics = await _cli.RunAsync("metrics");
        Assert.Contains("1 incident(s)", metrics.Out, StringComparison.Ordinal);
        Assert.Contains("2 undated incidents left out: no start time", metrics.Out, StringComparison.Ordinal);
        var report = (await _cli.RunAsync("report", "--json")).Json;
        Assert.Equal(2, report.GetProperty("undated").GetInt32());
        var similar = await _cli.RunAsync("similar", "certificate expired on the node");
        Assert.Contains("A-3", similar.Out, StringComparison.Ordinal);
        Assert.Contains("undated", similar.Out, StringComparison.Ordinal);
        Assert.Contains("undated", (await _cli.RunAsync("show", "A-2")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gzip_InAFolderAndAlone_IsReadTransparently()
    {
        var line = "{\"id\":\"G-1\",\"title\":\"Gzipped\",\"started_at\":\"2024-01-01T00:00:00Z\"}\n";
        Directory.CreateDirectory(Path.Combine(_cli.Folder, "gz"));
        await using (var file = File.Create(Path.Combine(_cli.Folder, "gz", "export.jsonl.gz")))
        await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(line));
        }

        var result = await _cli.RunAsync("ingest", Path.Combine(_cli.Folder, "gz"));

        Assert.Equal(0, result.Exit);
        Assert.Contains("1 read, 1 stored", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadCommands_OnAMissingStore_SayNoStore_Exit11_AndCreateNothing()
    {
        foreach (var command in new[] { new[] { "stats" }, ["list"], ["show", "A-1"], ["report"], ["metrics"], ["similar", "disk full"], ["check"], ["export"] })
        {
            var result = await _cli.RunAsync(command);

            Assert.True(result.Exit == 11, $"{string.Join(' ', command)}: {result}");
            Assert.Contains("no store at", result.Error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(_cli.Store), string.Join(' ', command));
        }
    }

    [Fact]
    public async Task SuggestAndClassify_WithAnIdThatIsNotStored_SayNotFound()
    {
        _cli.Write("one.jsonl", "{\"id\":\"INC-1\",\"title\":\"Disk full\",\"started_at\":\"2024-01-01T00:00:00Z\",\"failure_mode\":\"capacity\"}\n");
        await _cli.RunAsync("ingest", Path.Combine(_cli.Folder, "one.jsonl"));

        var suggest = await _cli.RunAsync("suggest", "NOPE-1");
        Assert.Equal(5, suggest.Exit);
        Assert.Contains("no incident 'NOPE-1'", suggest.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.RunAsync("suggest", "disk full")).Exit);
        Assert.Equal(5, (await _cli.RunAsync("classify", "NOPE-1")).Exit);
    }

    [Fact]
    public async Task ReadCommands_OpenTheStoreFileReadOnly()
    {
        _cli.Write("one.jsonl", "{\"id\":\"INC-1\",\"title\":\"Disk full\",\"started_at\":\"2024-01-01T00:00:00Z\"}\n");
        await _cli.RunAsync("ingest", Path.Combine(_cli.Folder, "one.jsonl"));
        var db = Path.Combine(_cli.Store, "hindsight.db");
        var before = File.GetLastWriteTimeUtc(db);
        File.SetAttributes(db, FileAttributes.ReadOnly);
        try
        {
            Assert.Equal(0, (await _cli.RunAsync("list")).Exit);
            Assert.Equal(0, (await _cli.RunAsync("check")).Exit);
            Assert.Equal(before, File.GetLastWriteTimeUtc(db));
        }
        finally
        {
            File.SetAttributes(db, FileAttributes.Normal);
        }
    }

    [Fact]
    public async Task UnreadableFiles_AreRejectedWhole_InTheRejectsFile_AndTheRunGoesOn()
    {
        Directory.CreateDirectory(Path.Combine(_cli.Folder, "in"));
        File.WriteAllBytes(Path.Combine(_cli.Folder, "in", "a.jsonl.gz"), [0x1f, 0x8b, .. "not really gzip"u8.ToArray()]);
        File.WriteAllBytes(Path.Combine(_cli.Folder, "in", "b.jsonl"), [0x7B, 0x00, 0x7D, 0x0A]);
        _cli.Write("in/c.jsonl", "{\"id\":\"C-1\",\"title\":\"Fine\",\"started_at\":\"2024-01-01T00:00:00Z\"}\n");

        var result = await _cli.RunAsync("ingest", Path.Combine(_cli.Folder, "in"));

        Assert.Equal(3, result.Exit);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
        Assert.Contains("total: 3 files, 1 read, 1 stored, 2 rejected", result.Out, StringComparison.Ordinal);
        var rejects = File.ReadAllLines(Assert.Single(Directory.GetFiles(Path.Combine(_cli.Store, "rejects"))));
        Assert.Equal(2, rejects.Length);
        Assert.Contains(rejects, r => r.Contains("gzip", StringComparison.Ordinal));
        Assert.Contains(rejects, r => r.Contains("binary data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UndatedIncidents_InSuggestDraftAndReplay_NeverShowYearOne()
    {
        _cli.Write("pm/dated.md", Postmortem(1, "2024-05-02T09:14:00Z") + "## Actions taken\n- Freed disk space (helped)\n## Responders\n");
        _cli.Write("pm/undated.md", "---\nid: A-2\nresolved: 2024-06-01T10:00:00Z\nresponders: [{name: Ana, role: incident_commander}]\n---\n# Disk full on node 2\n## Summary\nThe data disk filled up and writes failed.\n## Actions taken\n- Freed disk space (helped)\n");
        Assert.Equal(0, (await _cli.RunAsync("ingest", Path.Combine(_cli.Folder, "pm"))).Exit);

        foreach (var command in new[] { new[] { "suggest", "A-2" }, ["suggest", "A-1"], ["draft", "A-2"], ["draft", "A-1"], ["drill", "replay", "A-2"], ["stats"] })
        {
            var result = await _cli.RunAsync(command);

            Assert.True(result.Exit == 0, $"{string.Join(' ', command)}: {result}");
            Assert.DoesNotContain("0001", result.Out, StringComparison.Ordinal);
        }
    }
}

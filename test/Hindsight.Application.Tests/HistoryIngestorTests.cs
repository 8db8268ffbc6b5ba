using System.Text.Json;
using Hindsight.Application.Ingestion;
using Hindsight.History;
using Hindsight.Organisations;

namespace Hindsight.Application.Tests;

public sealed class HistoryIngestorTests : IDisposable
{
    private const string Mixed = """
        {"id":"A","title":"ok","started_at":"2024-01-01T00:00:00Z"}
        {"id":"B","title":"broken",
        {"id":"C","started_at":"2024-01-01T00:00:00Z"}
        {"id":"D","title":"t","started_at":"2024-01-02T00:00:00Z","resolved_at":"2024-01-01T00:00:00Z"}
        {"id":"E","title":"t","started_at":"2024-01-01T00:00:00Z","severity":"SEV7"}
        {"id":"F","title":"also ok","started_at":"2024-01-03T00:00:00Z"}
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hindsight-ingest-" + Guid.NewGuid().ToString("N"));

    public HistoryIngestorTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Default_StoresTheGoodRecords_AndWritesRejectsWithReasons(string backend)
    {
        await using var t = await StoreBackends.CreateAsync(backend);
        var rejects = Path.Combine(_dir, "out.rejects.jsonl");

        var report = await new HistoryIngestor(t.Store, Orgs.Default).IngestFileAsync(File("mixed.jsonl", Mixed), new IngestOptions { RejectsPath = rejects, BatchSize = 2 });

        Assert.Equal((6, 2, 4, false), (report.Records, report.Stored.Inserted, report.Rejected, report.RolledBack));
        Assert.Equal([2, 3, 4, 5], report.Problems.Select(p => p.Line));
        Assert.Equal(2, (await t.Store.CountAsync(Orgs.Default))[RecordKind.Incident]);
        var lines = System.IO.File.ReadAllLines(rejects).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([2, 3, 4, 5], lines.Select(l => l.GetProperty("line").GetInt32()));
        Assert.Equal("resolved_at", lines[2].GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Contains("\"id\":\"D\"", lines[2].GetProperty("record").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Strict_StoresNothing_FromAFileWithAnyError(string backend)
    {
        await using var t = await StoreBackends.CreateAsync(backend);

        var report = await new HistoryIngestor(t.Store, Orgs.Default).IngestFileAsync(File("mixed.jsonl", Mixed), new IngestOptions { Strict = true, BatchSize = 1 });

        Assert.True(report.RolledBack);
        Assert.Equal(0, report.Stored.Total);
        Assert.Equal(0, (await t.Store.CountAsync(Orgs.Default))[RecordKind.Incident]);
    }

    [Fact]
    public async Task Strict_CleanFile_StoresEverything()
    {
        await using var t = await StoreBackends.CreateAsync(StoreBackends.Sqlite);
        var clean = string.Join('\n', Mixed.Split('\n').Where((_, n) => n is 0 or 5));

        var report = await new HistoryIngestor(t.Store, Orgs.Default).IngestFileAsync(File("clean.jsonl", clean), new IngestOptions { Strict = true, BatchSize = 1 });

        Assert.True(report.Complete);
        Assert.Equal(2, (await t.Store.CountAsync(Orgs.Default))[RecordKind.Incident]);
    }

    [Fact]
    public async Task RecordOfAnotherOrganisation_IsRejected_NotStoredElsewhere()
    {
        await using var t = await StoreBackends.CreateAsync(StoreBackends.Sqlite);
        var text = """{"org":"globex","id":"A","title":"t","started_at":"2024-01-01T00:00:00Z"}""" + "\n" + """{"org":"acme","id":"B","title":"t","started_at":"2024-01-01T00:00:00Z"}""";

        var report = await new HistoryIngestor(t.Store, Orgs.Acme).IngestFileAsync(File("orgs.jsonl", text), new IngestOptions());

        Assert.Equal("org", report.Problems.Single().Field);
        Assert.Equal([Orgs.Acme], await t.Store.OrganisationsAsync());
        var stored = await t.Store.FindAsync(Orgs.Acme, RecordKind.Incident, "B");
        Assert.Null(stored!.Org);
    }

    [Fact]
    public async Task BinaryFile_IsRefused_AndStoreIsUntouched()
    {
        await using var t = await StoreBackends.CreateAsync(StoreBackends.Sqlite);
        var path = Path.Combine(_dir, "image.jsonl");
        await System.IO.File.WriteAllBytesAsync(path, [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0x49, 0x48]);

        var report = await new HistoryIngestor(t.Store, Orgs.Default).IngestFileAsync(path, new IngestOptions());

        Assert.Contains("binary", report.Problems.Single().Message, StringComparison.Ordinal);
        Assert.True((await t.Store.CheckAsync()).IsHealthy);
        Assert.Empty(await t.Store.OrganisationsAsync());
    }
}

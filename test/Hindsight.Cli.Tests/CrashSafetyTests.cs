using System.Diagnostics;
using System.Text.RegularExpressions;
using Hindsight.Canonical;
using Hindsight.Generation;
using Hindsight.History;
using Hindsight.Storage.Sqlite;

namespace Hindsight.Cli.Tests;

/// <summary>A real hindsight process, killed with SIGKILL mid-ingest: the store must open, pass check, and hold every acknowledged record.</summary>
[Collection(SerialCli.Name)]
public sealed partial class CrashSafetyTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Sigkill_MidIngest_LosesNoAcknowledgedRecord()
    {
        var history = Path.Combine(_cli.Folder, "big.jsonl");
        await using (var file = File.Create(history))
        {
            JsonLinesWriter.Write(HistoryGenerator.Generate(new GeneratorOptions(150_000, Seed: 11)), file);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "hindsight.dll"), "--store", _cli.Store, "ingest", history, "--batch-size", "2000" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        long acknowledged = 0;
        var deadline = Stopwatch.StartNew();
        while (acknowledged == 0 && deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            var line = await process.StandardError.ReadLineAsync();
            if (line is null)
            {
                break;
            }

            var m = Stored().Match(line);
            if (m.Success)
            {
                acknowledged = long.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        Assert.False(process.HasExited, "ingest finished before it could be killed; make the file larger");
        process.Kill(entireProcessTree: true); // SIGKILL
        await process.WaitForExitAsync();
        Assert.True(acknowledged > 0, "no progress line reported a committed count");

        var check = await _cli.RunAsync("check");
        var store = SqliteHistoryStore.Open(_cli.Store);
        var stored = new Dictionary<string, string>();
        foreach (var kind in Enum.GetValues<RecordKind>())
        {
            await foreach (var r in store.ReadAsync(Hindsight.Organisations.Organisation.Default, new Hindsight.Storage.RecordQuery(kind)))
            {
                stored[kind + "/" + r.Key] = System.Text.Encoding.UTF8.GetString(CanonicalJson.Serialize(r));
            }
        }

        await store.DisposeAsync();
        Assert.Equal(0, check.Exit);
        Assert.True(stored.Count >= acknowledged, $"{stored.Count} stored < {acknowledged} acknowledged");
        var all = HistoryGenerator.Generate(new GeneratorOptions(150_000, Seed: 11)).ToList();
        Assert.True(stored.Count < all.Count, "the kill came after the ingest had finished");
        var expected = all.Take(stored.Count).ToList();
        Assert.All(expected, r => Assert.Equal(System.Text.Encoding.UTF8.GetString(CanonicalJson.Serialize(r)), stored[r.Kind + "/" + r.Key]));
    }

    [GeneratedRegex(@"([\d,]+) stored")]
    private static partial Regex Stored();
}

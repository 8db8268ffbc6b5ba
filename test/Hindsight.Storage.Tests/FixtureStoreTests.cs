using Hindsight.History;
using Hindsight.Storage.Sqlite;

namespace Hindsight.Storage.Tests;

/// <summary>A store written by an earlier release (Fixtures/store-2217a7e, SQLite 3.35) opens unchanged with this one.</summary>
public sealed class FixtureStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hindsight-fixture-" + Guid.NewGuid().ToString("N"));

    public FixtureStoreTests()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "Fixtures", "store-2217a7e");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_dir, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task OldStore_OpensWithEveryRecord_AndPassesTheCheck_OnTheCurrentSqlite()
    {
        await using var store = SqliteHistoryStore.Open(_dir);

        var acme = await store.CountAsync(Orgs.Default);
        var globex = await store.CountAsync(Orgs.Globex);
        var check = await store.CheckAsync();

        Assert.Equal((40L, 40L, 39L, 23L, 1L, 1L), (acme[RecordKind.Incident], acme[RecordKind.Deployment], acme[RecordKind.Dependency], acme[RecordKind.Risk], acme[RecordKind.Feedback], acme[RecordKind.Weights]));
        Assert.Equal((40L, 40L, 39L), (globex[RecordKind.Incident], globex[RecordKind.Deployment], globex[RecordKind.Dependency]));
        Assert.True(check.IsHealthy, string.Join("; ", check.Problems));
        Assert.Equal(119 * 2 + 25, check.RecordsChecked);
        Assert.Equal("sqlite", check.Engine);
        Assert.StartsWith("3.53.", check.EngineVersion, StringComparison.Ordinal);
        var weights = Assert.IsType<LearnedWeights>(await store.FindAsync(Orgs.Default, RecordKind.Weights, "similarity"));
        Assert.Equal("feedback", weights.LearnedFrom);
    }
}

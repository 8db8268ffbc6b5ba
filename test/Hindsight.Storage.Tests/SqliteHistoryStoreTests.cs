using Hindsight.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Hindsight.Storage.Tests;

/// <summary>What only the embedded store has: a file that can be tampered with, and a schema version on disk.</summary>
public sealed class SqliteHistoryStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hindsight-sqlite-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_dir, SqliteHistoryStore.FileName)}");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public async Task Check_FindsADocumentAlteredBehindTheStoresBack()
    {
        var store = SqliteHistoryStore.Open(_dir);
        await using (var writer = await store.BeginWriteAsync(Orgs.Acme))
        {
            await writer.WriteAsync([TestIncidents.Make("INC-1"), TestIncidents.Make("INC-2")]);
            await writer.CommitAsync();
        }

        Execute("UPDATE records SET doc = CAST('{\"id\":\"INC-2\",\"title\":\"forged\",\"started_at\":\"2024-03-01T10:00:00Z\"}' AS BLOB) WHERE key = 'INC-2'");
        var report = await store.CheckAsync();

        Assert.False(report.IsHealthy);
        Assert.Contains(report.Problems, p => p.Contains("INC-2", StringComparison.Ordinal) && p.Contains("hash", StringComparison.Ordinal));
        await store.DisposeAsync();
    }

    [Fact]
    public async Task ChangeFeed_AnUnreadableDocumentFarIntoTheFeed_FailsTheReaderWithTheDecodersError()
    {
        var store = SqliteHistoryStore.Open(_dir);
        await using (var writer = await store.BeginWriteAsync(Orgs.Acme))
        {
            await writer.WriteAsync([.. Enumerable.Range(0, 1_200).Select(n => TestIncidents.Make($"INC-{n:D4}"))]);
            await writer.CommitAsync();
        }

        Execute("UPDATE records SET doc = CAST('{not json' AS BLOB) WHERE key = 'INC-1100'");
        var lookup = await Record.ExceptionAsync(() => store.FindAsync(Orgs.Acme, Hindsight.History.RecordKind.Incident, "INC-1100"));
        var read = 0;
        var feed = await Record.ExceptionAsync(async () =>
        {
            await foreach (var change in store.ChangesAsync(Orgs.Acme, Hindsight.History.RecordKind.Incident, 0))
            {
                read++;
            }
        });

        Assert.NotNull(lookup);
        Assert.NotNull(feed);
        Assert.Equal(lookup.GetType(), feed.GetType()); // the decoder's own error, not the read-ahead's plumbing
        Assert.Equal(1_024, read); // the whole chunks before the bad one
        await store.DisposeAsync();
    }

    [Fact]
    public async Task Open_StoreFromANewerVersion_IsRefusedWithAdvice()
    {
        await SqliteHistoryStore.Open(_dir).DisposeAsync();
        Execute("UPDATE meta SET value = 99 WHERE key = 'schema_version'");

        var ex = Assert.Throws<StoreException>(() => SqliteHistoryStore.Open(_dir));

        Assert.Contains("upgrade hindsight", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FileThatIsNotADatabase_IsAClearError()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, SqliteHistoryStore.FileName), "this is not a database, just text that fills the header page");

        var ex = Assert.Throws<StoreException>(() => SqliteHistoryStore.Open(_dir));

        Assert.Contains("is it a Hindsight store? its integrity check says more", ex.Message, StringComparison.Ordinal);
    }
}

using Hindsight.Storage;
using Hindsight.Storage.Postgres;
using Hindsight.Storage.Sqlite;

namespace Hindsight.Testing;

/// <summary>Creates empty stores of each backend for the shared storage suite.</summary>
public static class StoreBackends
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>The backends the suite runs against here: SQLite always, PostgreSQL when reachable and always under CI.</summary>
    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { Sqlite };
            if (PostgresTestServer.ShouldRun)
            {
                data.Add(Postgres);
            }

            return data;
        }
    }

    public static async Task<TestStore> CreateAsync(string backend)
    {
        if (backend == Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "hindsight-test-" + Guid.NewGuid().ToString("N"));
            return new TestStore(SqliteHistoryStore.Open(dir), () => SqliteHistoryStore.Open(dir), () =>
            {
                Directory.Delete(dir, recursive: true);
                return Task.CompletedTask;
            });
        }

        var connection = await PostgresTestServer.CreateDatabaseAsync();
        return new TestStore(
            await PostgresHistoryStore.OpenAsync(connection),
            () => PostgresHistoryStore.OpenAsync(connection).GetAwaiter().GetResult(),
            () => PostgresTestServer.DropDatabaseAsync(connection));
    }
}

/// <summary>An empty store for one test, with a way to open it again and to delete it afterwards.</summary>
public sealed class TestStore(IHistoryStore store, Func<IHistoryStore> reopen, Func<Task> cleanup) : IAsyncDisposable
{
    public IHistoryStore Store { get; private set; } = store;

    public async Task<IHistoryStore> ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = reopen();
        return Store;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await cleanup();
    }
}

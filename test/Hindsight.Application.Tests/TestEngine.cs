using Hindsight.Application.Workspaces;
using Hindsight.Storage;
using Hindsight.Storage.Sqlite;

namespace Hindsight.Application.Tests;

/// <summary>An engine over a fresh embedded store in a temporary folder, deleted afterwards.</summary>
internal sealed class TestEngine : IAsyncDisposable
{
    private TestEngine(string folder, HindsightEngine engine)
    {
        Folder = folder;
        Engine = engine;
    }

    public string Folder { get; }

    public HindsightEngine Engine { get; }

    public Workspace Acme => Engine.For(Orgs.Acme);

    public static TestEngine Create(TimeProvider? clock = null, string? folder = null, WorkspaceOptions? options = null)
    {
        folder ??= Path.Combine(Path.GetTempPath(), "hindsight-app-" + Guid.NewGuid().ToString("N"));
        var store = SqliteHistoryStore.Open(folder);
        return new TestEngine(folder, HindsightEngine.Over(store, options ?? new WorkspaceOptions(), clock ?? new FixedClock(TestIncidents.T0.AddDays(30))));
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}

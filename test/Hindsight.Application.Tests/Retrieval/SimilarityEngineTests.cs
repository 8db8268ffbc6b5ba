using Hindsight.Application.Retrieval;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Retrieval;
using Hindsight.Storage;

namespace Hindsight.Application.Tests.Retrieval;

/// <summary>The engine over each store backend: it follows the change feed, reopens from its snapshot and learns from feedback.</summary>
public sealed class SimilarityEngineTests
{
    private static async Task WriteAsync(IHistoryStore store, params HistoryRecord[] records)
    {
        await using var writer = await store.BeginWriteAsync(Orgs.Acme);
        await writer.WriteAsync(records);
        await writer.CommitAsync();
    }

    private static string NewSnapshotPath() => Path.Combine(Path.GetTempPath(), "hindsight-snap-" + Guid.NewGuid().ToString("N"), "acme.hsx");

    private static SimilarityQuery Query(string text) => new() { Text = IndexedText.FromQuery(text), At = TestIncidents.T0 };

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Refresh_NewIncident_IsSearchableWithoutReopening(string backend)
    {
        await using var test = await StoreBackends.CreateAsync(backend);
        await WriteAsync(test.Store, TestIncidents.Make("A", title: "Disk full on log hosts"));
        using var engine = await SimilarityEngine.OpenAsync(test.Store, Orgs.Acme);
        Assert.DoesNotContain(engine.Search(Query("certificate expired")).Matches, m => m.Id == "B");

        await WriteAsync(test.Store, TestIncidents.Make("B", title: "Certificate expired on the gateway"));
        Assert.Equal(1, await engine.RefreshAsync());

        Assert.Equal("B", engine.Search(Query("certificate expired")).Matches[0].Id);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Open_ABacklogOfManyBatches_IndexesAllOfIt_UpToTheStoresLastRevision(string backend)
    {
        await using var test = await StoreBackends.CreateAsync(backend);
        var incidents = Enumerable.Range(0, 9_000).Select(n => TestIncidents.Make($"INC-{n:D5}", n % 500, $"Incident {n} on host-{n % 97}")).ToArray();
        foreach (var part in incidents.Chunk(3_000))
        {
            await WriteAsync(test.Store, part);
        }

        long last = 0;
        await foreach (var change in test.Store.ChangesAsync(Orgs.Acme, RecordKind.Incident, 0))
        {
            last = Math.Max(last, change.Revision);
        }

        using var engine = await SimilarityEngine.OpenAsync(test.Store, Orgs.Acme);

        Assert.Equal(9_000, engine.Count); // more than two batches of the refresh, each applied as it is read
        Assert.Equal(last, engine.Revision);
        Assert.Equal("INC-08999", engine.Search(Query("Incident 8999 on host-75")).Matches[0].Id);
    }

    [Fact]
    public async Task Refresh_FailingAfterPublishingPartOfOneLargeWrite_ReadsThatWholeWriteAgainNextTime()
    {
        var dir = Path.Combine(Path.GetTempPath(), "hindsight-refresh-" + Guid.NewGuid().ToString("N"));
        var store = Hindsight.Storage.Sqlite.SqliteHistoryStore.Open(dir);
        void Execute(string sql, byte[]? doc = null)
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dir, Hindsight.Storage.Sqlite.SqliteHistoryStore.FileName)}");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$doc", (object?)doc ?? DBNull.Value);
            command.ExecuteNonQuery();
        }

        try
        {
            await WriteAsync(store, TestIncidents.Make("FIRST"));
            using var engine = await SimilarityEngine.OpenAsync(store, Orgs.Acme);
            await WriteAsync(store, [.. Enumerable.Range(0, 5_000).Select(n => TestIncidents.Make($"INC-{n:D5}"))]); // one transaction: one revision
            var good = Hindsight.Canonical.CanonicalJson.Serialize((await store.FindAsync(Orgs.Acme, RecordKind.Incident, "INC-04500"))!);
            Execute("UPDATE records SET doc = CAST('{not json' AS BLOB) WHERE key = 'INC-04500'");

            await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() => engine.RefreshAsync()); // after a first batch was published
            Execute("UPDATE records SET doc = $doc WHERE key = 'INC-04500'", good);
            await engine.RefreshAsync();

            Assert.Equal(5_001, engine.Count); // nothing of the write was skipped
            Assert.True(engine.Contains("INC-04999"));
            Assert.Equal(0, await engine.RefreshAsync()); // and, read to its end, it is not read again
        }
        finally
        {
            await store.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Open_WithSnapshot_ReloadsItAndCatchesUp(string backend)
    {
        await using var test = await StoreBackends.CreateAsync(backend);
        var snapshot = NewSnapshotPath();
        await WriteAsync(test.Store, TestIncidents.Make("A", title: "Disk full on log hosts"));
        using (await SimilarityEngine.OpenAsync(test.Store, Orgs.Acme, new EngineOptions(snapshot)))
        {
        }

        await WriteAsync(test.Store, TestIncidents.Make("B", title: "Certificate expired"));
        using var reopened = await SimilarityEngine.OpenAsync(test.Store, Orgs.Acme, new EngineOptions(snapshot));

        Assert.True(reopened.LoadedSnapshot);
        Assert.Equal(2, reopened.Count);
        Assert.Equal("A", reopened.Search(Query("disk full")).Matches[0].Id);
        Directory.Delete(Path.GetDirectoryName(snapshot)!, recursive: true);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Snapshot_IsNotRewrittenAfterEachSmallRefresh_ButIsOnClose(string backend)
    {
        await using var test = await StoreBackends.CreateAsync(backend);
        var snapshot = NewSnapshotPath();
        static int Indexed(string path)
        {
            using var file = File.OpenRead(path);
            return IncidentIndex.Load(file).Count;
        }

        await WriteAsync(test.Store, TestIncidents.Make("A", title: "Disk full on log hosts"));
        using (var engine = await SimilarityEngine.OpenAsync(test.Store, Orgs.Acme, new EngineOptions(snapshot)))
        {
            Assert.Equal(1, Indexed(snapshot)); // the first snapshot is written at once
            await WriteAsync(test.Store, TestIncidents.Make("B", title: "Certificate expired"));
            Assert.Equal(1, await engine.RefreshAsync());

            Assert.Equal(2, engine.Count);
            Assert.Equal(1, Indexed(snapshot)); // one change does not rewrite the whole index
        }

        Assert.Equal(2, Indexed(snapshot)); // closing writes what was indexed since
        Directory.Delete(Path.GetDirectoryName(snapshot)!, recursive: true);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Refresh_AfterARestoreUnderIt_ForgetsWhatTheRestoreRemoved_IncidentsAndDependencies(string backend)
    {
        await using var test = await StoreBackends.CreateAsync(backend);
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".hsbak");
        await WriteAsync(test.Store, TestIncidents.Make("A", title: "Disk full on log hosts"), new ServiceDependency { Service = "a", DependsOn = "b" });
        await Hindsight.Storage.Backup.BackupFile.WriteAsync(test.Store, file, TimeProvider.System);
        await WriteAsync(test.Store, TestIncidents.Make("B", title: "Certificate expired on the gateway"), new ServiceDependency { Service = "c", DependsOn = "d" });
        using var engine = await SimilarityEngine.OpenAsync(test.Store, Orgs.Acme);
        await WriteAsync(test.Store, TestIncidents.Make("C", title: "Kafka consumer lag")); // a small write: no count needed
        Assert.Equal(1, await engine.RefreshAsync());
        Assert.Equal(3, engine.Count);

        await Hindsight.Storage.Backup.BackupFile.RestoreAsync(test.Store, file); // one incident, fewer than the index holds
        await engine.RefreshAsync();

        Assert.Equal(1, engine.Count);
        Assert.DoesNotContain(engine.Search(Query("certificate expired")).Matches, m => m.Id == "B");
        Assert.Equal(-1, engine.Graph.Find("c"));
        Assert.Equal(2, engine.Graph.NodeCount);
        File.Delete(file);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Open_FromASnapshot_AfterARestoreSinceItWasSaved_ForgetsWhatTheRestoreRemoved(string backend)
    {
        await using var test = await StoreBackends.CreateAsync(backend);
        var snapshot = NewSnapshotPath();
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".hsbak");
        await WriteAsync(test.Store, TestIncidents.Make("A", title: "Disk full on log hosts"));
        await Hindsight.Storage.Backup.BackupFile.WriteAsync(test.Store, file, TimeProvider.System);
        await WriteAsync(test.Store, TestIncidents.Make("B", title: "Certificate expired on the gateway"));
        using (var first = await SimilarityEngine.OpenAsync(test.Store, Orgs.Acme, new EngineOptions(snapshot)))
        {
            Assert.Equal(2, first.Count);
        }

        await Hindsight.Storage.Backup.BackupFile.RestoreAsync(test.Store, file);
        using var reopened = await SimilarityEngine.OpenAsync(test.Store, Orgs.Acme, new EngineOptions(snapshot));

        Assert.Equal(1, reopened.Count);
        Assert.False(reopened.Contains("B"));
        File.Delete(file);
        Directory.Delete(Path.GetDirectoryName(snapshot)!, recursive: true);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Open_FromASnapshotOfAnUnchangedStore_DoesNotCountIt_ButDoesAfterARestore(string backend)
    {
        await using var test = await StoreBackends.CreateAsync(backend);
        var snapshot = NewSnapshotPath();
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".hsbak");
        await WriteAsync(test.Store, TestIncidents.Make("A", title: "Disk full on log hosts"));
        await Hindsight.Storage.Backup.BackupFile.WriteAsync(test.Store, file, TimeProvider.System);
        var (first, firstCalls) = CountingStore.Over(test.Store);
        using (await SimilarityEngine.OpenAsync(first, Orgs.Acme, new EngineOptions(snapshot)))
        {
            Assert.Equal(1, firstCalls.Counts); // no snapshot yet: counted
        }

        await WriteAsync(test.Store, TestIncidents.Make("B", title: "Certificate expired on the gateway"));
        var (unchanged, unchangedCalls) = CountingStore.Over(test.Store);
        using (var engine = await SimilarityEngine.OpenAsync(unchanged, Orgs.Acme, new EngineOptions(snapshot)))
        {
            Assert.Equal(0, unchangedCalls.Counts); // found whole before, not restored since: a write is no reason to count
            Assert.Equal(2, engine.Count);
        }

        await Hindsight.Storage.Backup.BackupFile.RestoreAsync(test.Store, file);
        var (restored, restoredCalls) = CountingStore.Over(test.Store);
        using var reopened = await SimilarityEngine.OpenAsync(restored, Orgs.Acme, new EngineOptions(snapshot));

        Assert.Equal(1, restoredCalls.Counts);
        Assert.Equal(1, reopened.Count);
        File.Delete(file);
        Directory.Delete(Path.GetDirectoryName(snapshot)!, recursive: true);
    }

    /// <summary>Each backend with a store behind the old one's revision (one write) and as far along as it (three).</summary>
    public static TheoryData<string, int> BackendsAndWrites
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var backend in StoreBackends.All)
            {
                data.Add(backend, 1);
                data.Add(backend, 3);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BackendsAndWrites))]
    public async Task Open_FromASnapshotOfAnotherStoreInTheSamePlace_IndexesOnlyThisStore(string backend, int writes)
    {
        var snapshot = NewSnapshotPath();
        await using (var before = await StoreBackends.CreateAsync(backend))
        {
            foreach (var id in new[] { "A", "B", "C" })
            {
                await WriteAsync(before.Store, TestIncidents.Make(id, title: "Disk full on log hosts " + id));
            }

            using var engine = await SimilarityEngine.OpenAsync(before.Store, Orgs.Acme, new EngineOptions(snapshot));
            Assert.Equal(3, engine.Count);
        }

        await using var test = await StoreBackends.CreateAsync(backend); // never restored; its revision behind the old one's or the same
        for (var w = 0; w < writes; w++)
        {
            await WriteAsync(test.Store, TestIncidents.Make("Z", title: "Certificate expired on the gateway, time " + w));
        }

        using var reopened = await SimilarityEngine.OpenAsync(test.Store, Orgs.Acme, new EngineOptions(snapshot));

        Assert.Equal(1, reopened.Count);
        Assert.True(reopened.Contains("Z"));
        Assert.False(reopened.Contains("A"));
        Directory.Delete(Path.GetDirectoryName(snapshot)!, recursive: true);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Verify_SnapshotOfTheStore_Agrees_AndLaterWritesArePending(string backend)
    {
        await using var test = await StoreBackends.CreateAsync(backend);
        var snapshot = NewSnapshotPath();
        await WriteAsync(test.Store, TestIncidents.Make("A", title: "Disk full on log hosts"), TestIncidents.Make("B", title: "Certificate expired"));
        using (await SimilarityEngine.OpenAsync(test.Store, Orgs.Acme, new EngineOptions(snapshot)))
        {
        }

        await WriteAsync(test.Store, TestIncidents.Make("C", title: "DNS failure"));
        var check = await SimilarityEngine.VerifyAsync(test.Store, Orgs.Acme, snapshot);

        Assert.True(check.Agrees, string.Join("; ", check.Problems));
        Assert.Equal(2, check.Indexed);
        Assert.Equal(1, check.Pending);
        Directory.Delete(Path.GetDirectoryName(snapshot)!, recursive: true);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Verify_SnapshotThatDisagrees_NamesEachIncident(string backend)
    {
        await using var test = await StoreBackends.CreateAsync(backend);
        var snapshot = NewSnapshotPath();
        await WriteAsync(test.Store, TestIncidents.Make("A", title: "Disk full on log hosts"), TestIncidents.Make("B", title: "Certificate expired"));
        var stale = new IncidentIndex();
        stale.Advance(long.MaxValue);
        stale.Add(TestIncidents.Make("A", title: "Disk full on the database hosts"));
        stale.Add(TestIncidents.Make("Z", title: "Gone"));
        Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
        await using (var file = File.Create(snapshot))
        {
            stale.Save(file);
        }

        var check = await SimilarityEngine.VerifyAsync(test.Store, Orgs.Acme, snapshot);

        Assert.False(check.Agrees);
        Assert.Equal(3, check.ProblemCount);
        Assert.Contains(check.Problems, p => p.StartsWith("A: ", StringComparison.Ordinal));
        Assert.Contains("B: not in the index", check.Problems);
        Assert.Contains("Z: in the index but no longer in the store", check.Problems);
        Directory.Delete(Path.GetDirectoryName(snapshot)!, recursive: true);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task RecordFeedback_Relevant_StoresItAndChangesTheWeights(string backend)
    {
        await using var test = await StoreBackends.CreateAsync(backend);
        await WriteAsync(test.Store,
            TestIncidents.Make("Q", title: "Checkout latency spike"),
            TestIncidents.Make("R", title: "Slow checkout responses"),
            TestIncidents.Make("X", title: "Checkout latency dashboard broken"));
        using var engine = await SimilarityEngine.OpenAsync(test.Store, Orgs.Acme);

        var (weights, _) = await engine.RecordFeedbackAsync(new Feedback { Id = "f1", QueryIncident = "Q", Result = "R", Relevant = true, GivenAt = TestIncidents.T0 });

        Assert.NotEqual(SimilarityWeights.Default, weights);
        Assert.IsType<Feedback>(await test.Store.FindAsync(Orgs.Acme, RecordKind.Feedback, "f1"));
        var stored = Assert.IsType<LearnedWeights>(await test.Store.FindAsync(Orgs.Acme, RecordKind.Weights, "similarity"));
        Assert.Equal("feedback", stored.LearnedFrom);
        using var reopened = await SimilarityEngine.OpenAsync(test.Store, Orgs.Acme);
        Assert.Equal(weights, reopened.Weights);
    }
}

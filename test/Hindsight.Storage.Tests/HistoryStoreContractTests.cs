using Hindsight.Canonical;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Organisations;
using Hindsight.Storage.Backup;

namespace Hindsight.Storage.Tests;

/// <summary>The storage suite: every test runs against SQLite and PostgreSQL.</summary>
public sealed class HistoryStoreContractTests
{
    private static async Task<WriteCounts> WriteAsync(IHistoryStore store, Organisation org, params HistoryRecord[] records)
    {
        await using var writer = await store.BeginWriteAsync(org);
        var counts = await writer.WriteAsync(records);
        await writer.CommitAsync();
        return counts;
    }

    private static async Task<List<HistoryRecord>> ReadAsync(IHistoryStore store, Organisation org, RecordQuery? query = null)
    {
        var list = new List<HistoryRecord>();
        await foreach (var r in store.ReadAsync(org, query ?? RecordQuery.Incidents))
        {
            list.Add(r);
        }

        return list;
    }

    private static string Json(HistoryRecord r) => System.Text.Encoding.UTF8.GetString(CanonicalJson.Serialize(r));

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Write_ThenRead_ReturnsTheSameRecord(string backend)
    {
        await using var t = await StoreBackends.CreateAsync(backend);
        var incident = TestIncidents.Make("INC-1") with
        {
            Summary = "決済 API が 503 を返した \u0000 nul char",
            RootCauses = [new RootCause(RootCauseKind.Process, "no canary")],
            ActionItems = [new ActionItem { Title = "add canary", Kind = ActionItemKind.Prevent, DueAt = TestIncidents.T0.AddDays(7) }],
        };

        var counts = await WriteAsync(t.Store, Orgs.Acme, incident);

        Assert.Equal(new WriteCounts(1, 0, 0), counts);
        var found = await t.Store.FindAsync(Orgs.Acme, RecordKind.Incident, "INC-1");
        Assert.NotNull(found);
        Assert.Equal(Json(incident), Json(found));
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Write_SameRecordAgain_IsIdempotent_AndChangedRecordIsUpdated(string backend)
    {
        await using var t = await StoreBackends.CreateAsync(backend);
        await WriteAsync(t.Store, Orgs.Acme, TestIncidents.Make("INC-1"), TestIncidents.Make("INC-2", 10));

        var again = await WriteAsync(t.Store, Orgs.Acme, TestIncidents.Make("INC-1"), TestIncidents.Make("INC-2", 10, "Checkout errors (updated)"));

        Assert.Equal(new WriteCounts(0, 1, 1), again);
        var counts = await t.Store.CountAsync(Orgs.Acme);
        Assert.Equal(2, counts[RecordKind.Incident]);
        var updated = (Incident?)await t.Store.FindAsync(Orgs.Acme, RecordKind.Incident, "INC-2");
        Assert.Equal("Checkout errors (updated)", updated!.Title);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Write_SameKeyTwiceInOneBatch_LaterWins(string backend)
    {
        await using var t = await StoreBackends.CreateAsync(backend);

        var counts = await WriteAsync(t.Store, Orgs.Acme, TestIncidents.Make("INC-1", 0, "first"), TestIncidents.Make("INC-1", 0, "second"));

        Assert.Equal(new WriteCounts(1, 0, 1), counts);
        Assert.Equal("second", ((Incident)(await t.Store.FindAsync(Orgs.Acme, RecordKind.Incident, "INC-1"))!).Title);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Organisations_AreIsolated_InEveryRead(string backend)
    {
        await using var t = await StoreBackends.CreateAsync(backend);
        await WriteAsync(t.Store, Orgs.Acme, TestIncidents.Make("INC-1", 0, "acme's"));
        await WriteAsync(t.Store, Orgs.Globex, TestIncidents.Make("INC-1", 0, "globex's"), TestIncidents.Make("INC-2"));

        var acme = await ReadAsync(t.Store, Orgs.Acme);
        var found = (Incident?)await t.Store.FindAsync(Orgs.Globex, RecordKind.Incident, "INC-1");
        var counts = await t.Store.CountAsync(Orgs.Acme);

        Assert.Equal("acme's", Assert.Single(acme.Cast<Incident>()).Title);
        Assert.Equal("globex's", found!.Title);
        Assert.Equal(1, counts[RecordKind.Incident]);
        Assert.Null(await t.Store.FindAsync(Hindsight.Organisations.Organisation.Parse("initech"), RecordKind.Incident, "INC-1"));
        Assert.Equal([Orgs.Acme, Orgs.Globex], await t.Store.OrganisationsAsync());
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Writer_DisposedWithoutCommit_LeavesNothing(string backend)
    {
        await using var t = await StoreBackends.CreateAsync(backend);
        await WriteAsync(t.Store, Orgs.Acme, TestIncidents.Make("INC-1"));

        await using (var writer = await t.Store.BeginWriteAsync(Orgs.Acme))
        {
            await writer.WriteAsync([TestIncidents.Make("INC-2"), TestIncidents.Make("INC-1", 0, "changed")]);
        }

        var all = await ReadAsync(t.Store, Orgs.Acme);
        Assert.Equal("Checkout errors", Assert.Single(all.Cast<Incident>()).Title);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Read_FiltersByTime_InTimeOrder_WithLimit(string backend)
    {
        await using var t = await StoreBackends.CreateAsync(backend);
        await WriteAsync(t.Store, Orgs.Acme, TestIncidents.Make("C", 120), TestIncidents.Make("A", 0), TestIncidents.Make("B", 60), TestIncidents.Make("D", 180));

        var window = await ReadAsync(t.Store, Orgs.Acme, new RecordQuery(RecordKind.Incident, TestIncidents.T0.AddMinutes(60), TestIncidents.T0.AddMinutes(180)));
        var first2 = await ReadAsync(t.Store, Orgs.Acme, new RecordQuery(RecordKind.Incident, Limit: 2));

        Assert.Equal(["B", "C"], window.Select(r => r.Key));
        Assert.Equal(["A", "B"], first2.Select(r => r.Key));
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task OtherRecordKinds_AreStoredSeparately(string backend)
    {
        await using var t = await StoreBackends.CreateAsync(backend);
        await WriteAsync(t.Store, Orgs.Acme,
            TestIncidents.Make("X1"),
            new Deployment { Id = "X1", Service = "checkout", DeployedAt = TestIncidents.T0 },
            new ServiceDependency { Service = "checkout", DependsOn = "payments-db", Weight = 2 },
            new ResponseLog { Id = "Q1", Category = "billing", Responder = "kenji", AskedAt = TestIncidents.T0 },
            new Feedback { Id = "F1", QueryIncident = "X1", Result = "X1", Relevant = true, GivenAt = TestIncidents.T0 },
            new LearnedWeights { UpdatedAt = TestIncidents.T0, Values = new Dictionary<string, double> { ["lexical"] = 1 } },
            new Hindsight.Risks.Risk { Id = "X1", Title = "Checkout outage", Category = "technical", Probability = Hindsight.Risks.RiskBand.Low, Impact = Hindsight.Risks.RiskBand.High },
            new Hindsight.Silos.SiloRisk { Expert = "kenji", Category = "billing", TotalResponses = 6, ExpertResponses = 6, Ratio = 1, FirstDetectedAt = TestIncidents.T0, LastDetectedAt = TestIncidents.T0 },
            new Hindsight.Drills.DrillRecord { Id = "dns-failure-hard-1@20260101", ExerciseId = "dns-failure-hard-1", Archetype = "dns-failure", GradedAt = TestIncidents.T0, Overall = 70 },
            new Hindsight.AlertHistory.AlertFiring { Id = "A1", Rule = "HighErrors", Service = "checkout", FiredAt = TestIncidents.T0, Incident = "X1" },
            new Hindsight.Confirmations.Confirmation { Id = "X1", Incident = "X1", Suggested = "dns", Confirmed = "dns", ConfirmedAt = TestIncidents.T0 },
            new Hindsight.Culture.SurveyResponse { Id = "2026-01-01|t|q|#2", Team = "t", Question = "q", Score = 4, TakenAt = TestIncidents.T0 });

        var counts = await t.Store.CountAsync(Orgs.Acme);

        Assert.All(Enum.GetValues<RecordKind>(), k => Assert.Equal(1, counts[k]));
        var deployment = await t.Store.FindAsync(Orgs.Acme, RecordKind.Deployment, "X1");
        Assert.IsType<Deployment>(deployment);
        var risk = Assert.IsType<Hindsight.Risks.Risk>(await t.Store.FindAsync(Orgs.Acme, RecordKind.Risk, "X1"));
        Assert.Equal(Hindsight.Risks.RiskBand.Medium, risk.Level);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task ChangeFeed_LongerThanItsChunks_ComesInOrder_AndAReaderMayStopEarly(string backend)
    {
        await using var t = await StoreBackends.CreateAsync(backend);
        var ids = Enumerable.Range(0, 1_300).Select(n => $"INC-{n:D5}").ToArray();
        foreach (var part in ids.Chunk(500))
        {
            await WriteAsync(t.Store, Orgs.Acme, [.. part.Select(id => TestIncidents.Make(id))]);
        }

        var seen = new List<RecordChange>();
        await foreach (var change in t.Store.ChangesAsync(Orgs.Acme, RecordKind.Incident, 0))
        {
            seen.Add(change);
        }

        Assert.Equal(ids, seen.Select(c => c.Record.Key));
        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.First.Revision <= p.Second.Revision));

        var read = 0;
        await foreach (var change in t.Store.ChangesAsync(Orgs.Acme, RecordKind.Incident, 0))
        {
            if (++read == 700)
            {
                break; // the rows read ahead are dropped and the store stays usable
            }
        }

        await WriteAsync(t.Store, Orgs.Acme, TestIncidents.Make("INC-LAST"));
        var after = new List<string>();
        await foreach (var change in t.Store.ChangesAsync(Orgs.Acme, RecordKind.Incident, seen[^1].Revision))
        {
            after.Add(change.Record.Key);
        }

        Assert.Equal(["INC-LAST"], after);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task ChangeFeed_DecodedByTheReader_GivesTheDocumentsOfTheSameChanges_InTheSameOrder(string backend)
    {
        await using var t = await StoreBackends.CreateAsync(backend);
        foreach (var part in Enumerable.Range(0, 1_100).Select(n => $"INC-{n:D5}").Chunk(400))
        {
            await WriteAsync(t.Store, Orgs.Acme, [.. part.Select(id => TestIncidents.Make(id))]);
        }

        await WriteAsync(t.Store, Orgs.Globex, TestIncidents.Make("INC-OTHER"));
        var whole = new List<(long, string)>();
        await foreach (var change in t.Store.ChangesAsync(Orgs.Acme, RecordKind.Incident, 0))
        {
            whole.Add((change.Revision, change.Record.Key));
        }

        var decoded = new List<(long, string)>();
        await foreach (var change in t.Store.ChangesAsync(Orgs.Acme, RecordKind.Incident, 0, static (revision, document) => (revision, CanonicalJson.Deserialize(RecordKind.Incident, document).Key)))
        {
            decoded.Add(change);
        }

        Assert.Equal(1_100, whole.Count);
        Assert.Equal(whole, decoded);

        var failing = t.Store.ChangesAsync(Orgs.Acme, RecordKind.Incident, 0, static (_, document) =>
            CanonicalJson.Deserialize(RecordKind.Incident, document).Key == "INC-00700" ? throw new FormatException("INC-00700") : 0);
        var error = await Assert.ThrowsAsync<FormatException>(async () =>
        {
            await foreach (var _ in failing)
            {
            }
        });
        Assert.Equal("INC-00700", error.Message); // the reader's own error, for the document it failed on
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Reopen_KeepsEverythingCommitted(string backend)
    {
        await using var t = await StoreBackends.CreateAsync(backend);
        await WriteAsync(t.Store, Orgs.Acme, TestIncidents.Make("INC-1"), TestIncidents.Make("INC-2"));

        var reopened = await t.ReopenAsync();

        Assert.Equal(2, (await reopened.CountAsync(Orgs.Acme))[RecordKind.Incident]);
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Check_HealthyStore_ReportsNoProblems_AndWarnsOfDanglingLinks(string backend)
    {
        await using var t = await StoreBackends.CreateAsync(backend);
        await WriteAsync(t.Store, Orgs.Acme, TestIncidents.Make("INC-1"), TestIncidents.Make("INC-2", 5, "dup", new IncidentLink("INC-1", LinkKind.Duplicate)), TestIncidents.Make("INC-3", 9, "rel", new IncidentLink("INC-404", LinkKind.Related)));

        var report = await t.Store.CheckAsync();

        Assert.True(report.IsHealthy, string.Join("; ", report.Problems));
        Assert.Equal(3, report.RecordsChecked);
        Assert.Contains("INC-404", Assert.Single(report.Warnings));
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task BackupAndRestore_RoundTripsEveryOrganisation(string backend)
    {
        await using var t = await StoreBackends.CreateAsync(backend);
        await WriteAsync(t.Store, Orgs.Acme, TestIncidents.Make("INC-1"), new ServiceDependency { Service = "a", DependsOn = "b" });
        await WriteAsync(t.Store, Orgs.Globex, TestIncidents.Make("INC-9"));
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".hsbak");
        try
        {
            var written = await BackupFile.WriteAsync(t.Store, file, TimeProvider.System);
            await WriteAsync(t.Store, Orgs.Acme, TestIncidents.Make("INC-LATER"));

            var restored = await BackupFile.RestoreAsync(t.Store, file);

            Assert.Equal(3, written);
            Assert.Equal(3, restored);
            Assert.Equal(["INC-1"], (await ReadAsync(t.Store, Orgs.Acme)).Select(r => r.Key));
            Assert.Equal(["INC-9"], (await ReadAsync(t.Store, Orgs.Globex)).Select(r => r.Key));
            Assert.True((await t.Store.CheckAsync()).IsHealthy);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task Restore_TruncatedBackup_ChangesNothing(string backend)
    {
        await using var t = await StoreBackends.CreateAsync(backend);
        await WriteAsync(t.Store, Orgs.Acme, Enumerable.Range(0, 50).Select(n => (HistoryRecord)TestIncidents.Make($"INC-{n}", n)).ToArray());
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".hsbak");
        try
        {
            await BackupFile.WriteAsync(t.Store, file, TimeProvider.System);
            var bytes = await File.ReadAllBytesAsync(file);
            await File.WriteAllBytesAsync(file, bytes[..(bytes.Length / 2)]);
            await WriteAsync(t.Store, Orgs.Acme, TestIncidents.Make("INC-NEW"));

            await Assert.ThrowsAnyAsync<Exception>(() => BackupFile.RestoreAsync(t.Store, file));

            Assert.Equal(51, (await t.Store.CountAsync(Orgs.Acme))[RecordKind.Incident]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [PostgresFact]
    public void PostgresServer_IsReachable_ForTheSuite() =>
        Assert.Null(PostgresTestServer.WhyUnavailable);
}

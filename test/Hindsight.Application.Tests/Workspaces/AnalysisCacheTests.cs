using Hindsight.Application.Learning;
using Hindsight.Application.Workspaces;
using Hindsight.Generation;
using Hindsight.Graphs;

namespace Hindsight.Application.Tests.Workspaces;

public sealed class AnalysisCacheTests
{
    [Fact]
    public async Task TheLatestResult_IsServedAtOnce_WhileOneRefreshRuns()
    {
        var cache = new AnalysisCache(TimeSpan.FromHours(1), new FixedClock(TestIncidents.T0));
        Assert.Equal((1, 1L), ((await cache.GetLatestAsync("k", 1, () => 1)).Value, (await cache.GetLatestAsync("k", 1, () => 99)).Revision));

        var release = new ManualResetEventSlim();
        var runs = 0;
        int Slow()
        {
            Interlocked.Increment(ref runs);
            release.Wait(TimeSpan.FromSeconds(10));
            return 2;
        }

        var stale = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => cache.GetLatestAsync("k", 2, Slow)));
        Assert.All(stale, s => Assert.Equal((1, 1L), (s.Value, s.Revision))); // served at once, old figures
        release.Set();
        var fresh = await Poll(() => cache.GetLatestAsync("k", 2, Slow), c => c.Revision == 2);
        Assert.Equal(2, fresh.Value);
        Assert.Equal(1, runs); // twenty stale reads started one refresh
    }

    [Fact]
    public async Task UnderSteadyWrites_ARefreshWaitsFourTimesItsCostBeforeTheNext()
    {
        var cache = new AnalysisCache(TimeSpan.FromHours(1), new FixedClock(TestIncidents.T0));
        await cache.GetLatestAsync("k", 1, () => 1);
        var runs = 0;
        int Costly(int value)
        {
            Interlocked.Increment(ref runs);
            Thread.Sleep(300);
            return value;
        }

        await cache.GetLatestAsync("k", 2, () => Costly(2)); // starts a refresh that costs 300 ms
        await Poll(() => cache.GetLatestAsync("k", 2, () => Costly(2)), c => c.Revision == 2);
        var third = await cache.GetLatestAsync("k", 3, () => Costly(3)); // a write came in: but the cool-down (≈ 1.2 s) has not passed
        await Task.Delay(200);
        var runsDuringCooldown = runs;
        var fresh = await Poll(() => cache.GetLatestAsync("k", 3, () => Costly(3)), c => c.Revision == 3);

        Assert.Equal(2, third.Revision);
        Assert.Equal(1, runsDuringCooldown);
        Assert.Equal((3, 2), (fresh.Value, runs));
    }

    [Fact]
    public async Task WaitWhenIdle_TheCallerThatStartsARefreshGetsFreshFigures_OthersMeanwhileGetTheLast()
    {
        var cache = new AnalysisCache(TimeSpan.FromHours(1), new FixedClock(TestIncidents.T0));
        await cache.GetLatestAsync("k", 1, () => 1);
        using var release = new ManualResetEventSlim();
        int Slow()
        {
            release.Wait(TimeSpan.FromSeconds(10));
            return 2;
        }

        var starter = cache.GetLatestAsync("k", 2, Slow, waitWhenIdle: true);
        var meanwhile = await cache.GetLatestAsync("k", 2, Slow, waitWhenIdle: true);
        release.Set();

        Assert.Equal(1, meanwhile.Value);
        Assert.Equal((2, 2L), ((await starter).Value, (await starter).Revision));
    }

    [Fact]
    public async Task AFailedRefresh_IsReported_AndTheOldFiguresStay()
    {
        var cache = new AnalysisCache(TimeSpan.FromHours(1), new FixedClock(TestIncidents.T0));
        await cache.GetLatestAsync("k", 1, () => 1);
        await cache.GetLatestAsync<int>("k", 2, () => throw new InvalidOperationException("the report broke"));
        var after = await Poll(() => cache.GetLatestAsync<int>("k", 2, () => throw new InvalidOperationException("again")), c => c.RefreshFailure is not null);
        Assert.Equal((1, "the report broke"), (after.Value, after.RefreshFailure));
    }

    [Fact]
    public async Task TheServiceMap_BlastRadius_IsTheGraphs()
    {
        await using var t = TestEngine.Create();
        var history = new MemoryStream();
        Hindsight.Canonical.JsonLinesWriter.Write(HistoryGenerator.Generate(new GeneratorOptions(200, Seed: 2)), history);
        history.Position = 0;
        await t.Acme.Ingest.StreamAsync(history, "h.jsonl", new Hindsight.Application.Ingestion.IngestOptions());
        var map = await t.Acme.Learning.ServiceMapAsync();
        var deps = HistoryGenerator.Generate(new GeneratorOptions(200, Seed: 2)).OfType<Hindsight.History.ServiceDependency>().ToList();
        var graph = Dependents.Graph(deps);
        Assert.NotEmpty(map.Edges);
        foreach (var node in map.Services.Where(n => graph.ContainsKey(n.Service)))
        {
            Assert.Equal(Dependents.BlastRadius(node.Service, graph), node.BlastRadius);
        }
    }

    private static async Task<T> Poll<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var tries = 0; tries < 200; tries++)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("the background refresh did not finish");
    }
}

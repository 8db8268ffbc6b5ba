using System.Collections.Concurrent;
using System.Diagnostics;
using Hindsight.Application.Retrieval;
using Hindsight.Application.Workspaces;
using Hindsight.Generation;
using Hindsight.History;
using Hindsight.Incidents;

namespace Hindsight.Application.Tests.Workspaces;

/// <summary>
/// One workspace under load for ten seconds: eight searchers, two writers and judgements arriving in parallel. Nothing
/// throws, no search answers from an index older than the one it was asked of, and the weights learned are exactly those
/// of the same judgements learned one after the other.
/// </summary>
public sealed class WorkspaceConcurrencyTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Incidents the writers keep changing. Their words, services, tags and dates share nothing with the generated
    /// history, and the writers change only what the index does not read (the timeline), so the judgements' training
    /// pairs are the same whatever the writers did; the index revision moves on with every write.
    /// </summary>
    private static Incident Churned(int n, int version) => new()
    {
        Id = $"W-{n:00}",
        Title = $"qzx{n} vrrp{n} ksplice{n} wobble",
        Services = [$"zz-writer-{n}"],
        Tags = ["zz-churn"],
        StartedAt = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(n),
        Timeline = [.. Enumerable.Range(0, version % 5).Select(v => new TimelineEntry(new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(v), $"note {version}-{v}"))],
    };

    private static async Task<TestEngine> SeededAsync()
    {
        var t = TestEngine.Create(new FixedClock(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        var history = HistoryGenerator.Generate(new GeneratorOptions(400, Seed: 3)).ToList();
        await t.Acme.Incidents.RecordAsync(history);
        await t.Acme.Incidents.RecordAsync([.. Enumerable.Range(0, 20).Select(n => Churned(n, 0))]);
        return t;
    }

    [Fact]
    public async Task SearchesWritesAndFeedback_AtOnce_LoseNothing_AndServeNothingStale()
    {
        await using var concurrent = await SeededAsync();
        var workspace = concurrent.Acme;
        var incidents = (await workspace.Incidents.ListAsync(new Application.Incidents.IncidentFilter { Limit = 1000 })).Incidents.Where(i => !i.Id.StartsWith("W-", StringComparison.Ordinal)).ToList();
        var judgements = new List<FeedbackRequest>();
        foreach (var query in incidents.Where((_, k) => k % 16 == 0).Take(24))
        {
            var best = (await workspace.Retrieval.SimilarAsync(new SimilarRequest { Id = query.Id, Top = 3 })).Similar;
            judgements.Add(new FeedbackRequest { QueryIncident = query.Id, Result = best[^1].Id, Relevant = true, By = "tester" });
        }

        var failures = new ConcurrentQueue<Exception>();
        var stale = new ConcurrentQueue<string>();
        var learned = new ConcurrentBag<FeedbackResult>();
        long searches = 0, writes = 0;
        var clock = Stopwatch.StartNew();
        async Task Guard(Func<Task> work)
        {
            try
            {
                await work();
            }
            catch (Exception ex)
            {
                failures.Enqueue(ex);
            }
        }

        var searchers = Enumerable.Range(0, 8).Select(s => Task.Run(() => Guard(async () =>
        {
            var random = new Random(s);
            while (clock.Elapsed < Duration)
            {
                await Task.Yield(); // as requests do: a search that completes synchronously would otherwise hold its pool thread for the whole test
                var text = random.Next(3) == 0 ? $"qzx{random.Next(20)} wobble" : incidents[random.Next(incidents.Count)].Title;
                var before = (await workspace.EngineAsync(CancellationToken.None)).Revision;
                var found = await workspace.Retrieval.SimilarAsync(new SimilarRequest { Text = text, Top = 5 });
                if (found.Revision < before)
                {
                    stale.Enqueue($"asked at revision {before}, answered from {found.Revision}");
                }

                Interlocked.Increment(ref searches);
            }
        })));
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(() => Guard(async () =>
        {
            for (var version = 1; clock.Elapsed < Duration; version++)
            {
                await workspace.Incidents.RecordAsync([Churned((version * 2 + w) % 20, version)]);
                Interlocked.Increment(ref writes);
            }
        })));
        var judges = Enumerable.Range(0, 4).Select(j => Task.Run(() => Guard(async () =>
        {
            var mine = judgements.Where((_, k) => k % 4 == j).ToList();
            foreach (var judgement in mine)
            {
                await Task.Delay(Duration / (mine.Count + 2));
                learned.Add(await workspace.Retrieval.FeedbackAsync(judgement));
            }
        })));
        await Task.WhenAll([.. searchers, .. writers, .. judges]);

        Assert.Empty(failures);
        Assert.Empty(stale);
        Assert.True(searches > 100, $"{searches} searches");
        Assert.True(writes > 10, $"{writes} writes");
        Assert.Equal(judgements.Count, learned.Count);
        var order = learned.OrderBy(r => r.Examples).ToList();
        Assert.Equal(order.Count, order.Select(r => r.Examples).Distinct().Count()); // every judgement taught something, so the order is known

        // The same judgements, learned one after the other in the order the workspace learned them, on a fresh copy.
        await using var serial = await SeededAsync();
        foreach (var done in order)
        {
            await serial.Acme.Retrieval.FeedbackAsync(new FeedbackRequest { QueryIncident = done.Query, Result = done.Result, Relevant = true, By = "tester" });
        }

        var expected = await serial.Acme.EngineAsync(CancellationToken.None);
        var actual = await workspace.EngineAsync(CancellationToken.None);
        Assert.Equal(expected.Learned!.Examples, actual.Learned!.Examples);
        Assert.Equal(expected.Learned.Values, actual.Learned.Values);
        Assert.Equal(expected.Weights, actual.Weights);
    }
}

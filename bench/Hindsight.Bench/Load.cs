using System.Diagnostics;

namespace Hindsight.Bench;

/// <summary>What a closed-loop load gave: operations completed, their rate and latency percentiles.</summary>
internal sealed record LoadFigures(int Clients, int Count, double PerSecond, double P50, double P99);

/// <summary>A closed loop: each client sends its next operation when the previous one has answered.</summary>
internal static class Load
{
    /// <summary>Runs <paramref name="operation"/> (given a running number) from <paramref name="clients"/> clients for <paramref name="duration"/>.</summary>
    public static async Task<LoadFigures> RunAsync(Func<int, Task> operation, int clients, TimeSpan duration)
    {
        var next = -1;
        var latencies = new List<double>[clients];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(4_096);
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(Interlocked.Increment(ref next));
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadFigures(clients, all.Length, all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

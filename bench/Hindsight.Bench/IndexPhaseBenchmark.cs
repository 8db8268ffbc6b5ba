using System.Diagnostics;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Organisations;
using Hindsight.Retrieval;
using Hindsight.Storage.Sqlite;

namespace Hindsight.Bench;

/// <summary>Times the parts of building the search index from a store: reading the change feed, indexing from memory, both.</summary>
internal static class IndexPhaseBenchmark
{
    public static async Task<int> RunAsync(string storeFolder, string organisation)
    {
        await using var store = SqliteHistoryStore.Open(storeFolder);
        var org = Organisation.Parse(organisation);
        var clock = Stopwatch.StartNew();
        var read = 0;
        await foreach (var change in store.ChangesAsync(org, RecordKind.Incident, 0))
        {
            read += change.Record is Incident ? 1 : 0;
        }

        Console.WriteLine($"read change feed  {read / clock.Elapsed.TotalSeconds,12:N0} incidents/s ({clock.Elapsed.TotalSeconds:F2} s)");
        var held = new List<Incident>(Math.Min(read, 200_000));
        await foreach (var change in store.ChangesAsync(org, RecordKind.Incident, 0))
        {
            held.Add((Incident)change.Record);
            if (held.Count == held.Capacity)
            {
                break;
            }
        }

        clock.Restart();
        var memory = new IncidentIndex();
        foreach (var incident in held)
        {
            memory.Add(incident);
        }

        Console.WriteLine($"index from memory {held.Count / clock.Elapsed.TotalSeconds,12:N0} incidents/s ({held.Count:N0} incidents)");
        held.Clear();
        clock.Restart();
        var index = new IncidentIndex();
        await foreach (var change in store.ChangesAsync(org, RecordKind.Incident, 0))
        {
            index.Add((Incident)change.Record);
        }

        Console.WriteLine($"read + index      {index.Count / clock.Elapsed.TotalSeconds,12:N0} incidents/s ({clock.Elapsed.TotalSeconds:F2} s)");
        return 0;
    }
}

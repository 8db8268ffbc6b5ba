using System.Diagnostics;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Organisations;
using Hindsight.Retrieval;
using Hindsight.Storage.Sqlite;

namespace Hindsight.Bench;

/// <summary>Times the parts of building the search index from a store: the whole records' feed, the index's fields analysed, adding them, all of it.</summary>
internal static class IndexPhaseBenchmark
{
    /// <summary>Runs the phases; the one-core ones <paramref name="runs"/> times (for a profile of them).</summary>
    public static async Task<int> RunAsync(string storeFolder, string organisation, int runs)
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
        var documents = new List<byte[]>(Math.Min(read, 100_000));
        await foreach (var document in store.ChangesAsync(org, RecordKind.Incident, 0, static (_, document) => document))
        {
            documents.Add(document);
            if (documents.Count == documents.Capacity)
            {
                break;
            }
        }

        var fields = new List<IndexedIncident>();
        for (var run = 0; run < Math.Min(runs, 5); run++)
        {
            clock.Restart();
            fields = documents.ConvertAll(d => IndexedIncident.Read(d));
            Console.WriteLine($"fields, one core  {fields.Count / clock.Elapsed.TotalSeconds,12:N0} incidents/s ({fields.Count:N0} incidents)");
        }

        for (var run = 0; run < Math.Min(runs, 5); run++)
        {
            clock.Restart();
            var terms = fields.Sum(f => AnalysedIncident.Of(f).TermCount);
            Console.WriteLine($"analyse, one core {fields.Count / clock.Elapsed.TotalSeconds,12:N0} incidents/s ({terms / (double)fields.Count:F1} distinct terms each)");
        }
        fields.Clear();
        documents.Clear();
        clock.Restart();
        var analysed = new List<AnalysedIncident>(Math.Min(read, 200_000));
        var fed = 0;
        await foreach (var incident in AnalysedAsync(store, org))
        {
            fed++;
            if (analysed.Count < analysed.Capacity)
            {
                analysed.Add(incident);
            }
        }

        Console.WriteLine($"read + analyse    {fed / clock.Elapsed.TotalSeconds,12:N0} incidents/s ({clock.Elapsed.TotalSeconds:F2} s; index fields only, analysed on every core)");
        clock.Restart();
        var memory = new IncidentIndex();
        foreach (var incident in analysed)
        {
            memory.Add(incident);
        }

        Console.WriteLine($"add analysed      {analysed.Count / clock.Elapsed.TotalSeconds,12:N0} incidents/s ({analysed.Count:N0} incidents, the one writer's part)");
        analysed.Clear();
        clock.Restart();
        var index = new IncidentIndex();
        await foreach (var incident in AnalysedAsync(store, org))
        {
            index.Add(incident);
        }

        Console.WriteLine($"read + index      {index.Count / clock.Elapsed.TotalSeconds,12:N0} incidents/s ({clock.Elapsed.TotalSeconds:F2} s)");
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        Console.WriteLine($"managed heap      {GC.GetTotalMemory(false) / 1e6,12:N1} MB after a full collection; the index's parts:");
        foreach (var part in index.Parts())
        {
            Console.WriteLine($"  {part.Name,-10} {part.Keys,12:N0} keys {part.Postings,14:N0} postings {part.Bytes / 1e6,10:N1} MB");
        }
        return 0;
    }

    private static IAsyncEnumerable<AnalysedIncident> AnalysedAsync(SqliteHistoryStore store, Organisation org) =>
        store.ChangesAsync(org, RecordKind.Incident, 0, static (_, document) => AnalysedIncident.Of(IndexedIncident.Read(document)));
}

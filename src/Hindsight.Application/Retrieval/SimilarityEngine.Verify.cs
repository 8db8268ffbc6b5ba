using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Organisations;
using Hindsight.Retrieval;
using Hindsight.Storage;

namespace Hindsight.Application.Retrieval;

public sealed partial class SimilarityEngine
{
    private const int VerifyChunk = 1_024;

    /// <summary>
    /// Compares the snapshot at <paramref name="snapshotPath"/> with the store, incident by incident: every incident
    /// the snapshot should hold is in it exactly as indexing it now would put it, and it holds nothing the store lost.
    /// Incidents stored after the snapshot was written are counted as pending, not as problems.
    /// </summary>
    public static async Task<IndexCheck> VerifyAsync(IHistoryStore store, Organisation organisation, string snapshotPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!File.Exists(snapshotPath))
        {
            return new IndexCheck(organisation, false, 0, 0, [], 0);
        }

        IncidentIndex index;
        try
        {
            await using var file = new FileStream(snapshotPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: false);
            index = IncidentIndex.Load(file);
        }
        catch (InvalidDataException ex)
        {
            return new IndexCheck(organisation, true, 0, 0, [$"{snapshotPath}: unreadable ({ex.Message})"], 1);
        }

        var problems = new List<string>();
        long problemCount = 0, pending = 0;
        void Problem(string text)
        {
            problemCount++;
            if (problems.Count < IndexCheck.MaxProblems)
            {
                problems.Add(text);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var chunk = new List<Incident>(VerifyChunk);
        var verdicts = new string?[VerifyChunk];
        void Verify()
        {
            Parallel.For(0, chunk.Count, n => verdicts[n] = index.Disagreement(chunk[n]));
            for (var n = 0; n < chunk.Count; n++)
            {
                if (verdicts[n] is { } why)
                {
                    Problem($"{chunk[n].Id}: {why}");
                }
            }

            chunk.Clear();
        }

        await foreach (var change in store.ChangesAsync(organisation, RecordKind.Incident, 0, cancellationToken).ConfigureAwait(false))
        {
            var incident = (Incident)change.Record;
            seen.Add(incident.Id);
            if (change.Revision > index.Revision)
            {
                pending++;
                continue;
            }

            chunk.Add(incident);
            if (chunk.Count == VerifyChunk)
            {
                Verify();
            }
        }

        Verify();
        foreach (var key in index.Keys.Where(k => !seen.Contains(k)).Order(StringComparer.Ordinal))
        {
            Problem($"{key}: in the index but no longer in the store");
        }

        return new IndexCheck(organisation, true, index.Count, pending, problems, problemCount);
    }
}

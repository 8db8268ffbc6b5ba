using Hindsight.Canonical;
using Hindsight.History;
using Hindsight.Organisations;
using Hindsight.Storage;

namespace Hindsight.Application.Workspaces;

/// <summary>
/// The records analyses read, held in memory for one organisation and kept current from the store's change feed:
/// loaded once, then each catch-up reads only what changed. Not thread-safe: the workspace runs one catch-up at a time
/// and hands out immutable <see cref="HistorySnapshot"/>s. Incidents are kept in the <paramref name="detail"/> asked for.
/// </summary>
internal sealed class HistoryView(IHistoryStore store, Organisation organisation, IncidentDetail detail = IncidentDetail.Full)
{
    private readonly RemovalCheck _removals = new();
    /// <summary>The kinds held (feedback and weights belong to the search engine).</summary>
    private static readonly RecordKind[] Kinds =
        [RecordKind.Incident, RecordKind.Deployment, RecordKind.Dependency, RecordKind.ResponseLog, RecordKind.Drill, RecordKind.Risk, RecordKind.Silo, RecordKind.Alert, RecordKind.Confirmation, RecordKind.Survey];

    private readonly Dictionary<RecordKind, Dictionary<string, HistoryRecord>> _records = Kinds.ToDictionary(k => k, _ => new Dictionary<string, HistoryRecord>(StringComparer.Ordinal));
    private HistorySnapshot? _snapshot;
    private bool _changed = true;

    /// <summary>Every change up to this store revision has been read.</summary>
    public long Revision { get; private set; }

    /// <summary>Whether the view was ever loaded.</summary>
    public bool Loaded { get; private set; }

    /// <summary>The incidents the last catch-up read (new or changed).</summary>
    public IReadOnlyList<Hindsight.Incidents.Incident> ChangedIncidents { get; private set; } = [];

    /// <summary>Incidents not resolved.</summary>
    public int OpenIncidents { get; private set; }

    /// <summary>Reads what changed since the last catch-up (everything, the first time). Returns how many records changed.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var mark = await store.RestoreMarkAsync(cancellationToken).ConfigureAwait(false); // read first: a restore after it is seen next time
        var after = Revision;
        var latest = after;
        var changed = 0;
        var incidents = new List<Hindsight.Incidents.Incident>();
        using (var strings = new StringPool()) // the records read together share their repeated strings; dropped before any reload
        {
            foreach (var kind in Kinds)
            {
                var records = _records[kind];
                var changes = store.ChangesAsync(organisation, kind, after, (revision, document) => new RecordChange(revision, CanonicalJson.Deserialize(kind, document, strings, detail)), cancellationToken);
                await foreach (var change in changes.ConfigureAwait(false))
                {
                    records[change.Record.Key] = change.Record;
                    latest = Math.Max(latest, change.Revision);
                    changed++;
                    if (change.Record is Hindsight.Incidents.Incident incident)
                    {
                        incidents.Add(incident);
                    }
                }
            }
        }

        ChangedIncidents = incidents;

        // Counted after the changes were read: without removals the store holds at least what the view does (more when
        // writes landed meanwhile). Holding more than the store means records were removed (a restore): start over.
        if (_removals.Due(mark))
        {
            var counts = await store.CountAsync(organisation, cancellationToken).ConfigureAwait(false);
            if (Kinds.Any(k => _records[k].Count > counts[k]))
            {
                return await ReloadAsync(cancellationToken).ConfigureAwait(false); // counts again, and marks the count done
            }

            _removals.Counted(mark);
        }

        Revision = latest;
        Loaded = true;
        _changed |= changed > 0;
        if (incidents.Count > 0)
        {
            OpenIncidents = _records[RecordKind.Incident].Values.Count(r => ((Hindsight.Incidents.Incident)r).ResolvedAt is null);
        }

        return changed;
    }

    /// <summary>The records as of <see cref="Revision"/>; the same object until something changes.</summary>
    public HistorySnapshot Snapshot()
    {
        if (_snapshot is null || _changed)
        {
            _snapshot = new HistorySnapshot(Revision, Kinds.ToDictionary(k => k, k => (IReadOnlyList<HistoryRecord>)Ordered(_records[k].Values)));
            _changed = false;
        }

        return _snapshot;
    }

    private async Task<int> ReloadAsync(CancellationToken cancellationToken)
    {
        foreach (var records in _records.Values)
        {
            records.Clear();
        }

        Revision = 0;
        Loaded = false;
        return await CatchUpAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The store's reading order: time (records without one first), then key.</summary>
    private static HistoryRecord[] Ordered(IEnumerable<HistoryRecord> records)
    {
        var array = records.ToArray();
        var keys = array.Select(r => (r.At?.UtcTicks ?? long.MinValue, r.Key)).ToArray();
        var order = Comparer<(long, string)>.Create(static (a, b) =>
        {
            var byTime = a.Item1.CompareTo(b.Item1);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.Item2, b.Item2);
        });
        for (var k = 1; k < keys.Length; k++)
        {
            if (order.Compare(keys[k - 1], keys[k]) > 0)
            {
                Array.Sort(keys, array, order);
                break; // records written in time order (the usual case) are not sorted again
            }
        }

        return array;
    }
}

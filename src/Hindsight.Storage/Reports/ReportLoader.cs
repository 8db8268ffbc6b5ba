using Hindsight.Drills;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Metrics;
using Hindsight.Reports;

namespace Hindsight.Storage.Reports;

/// <summary>Reads what a learning report is made from out of a store, for one organisation.</summary>
public static class ReportLoader
{
    /// <summary>
    /// The organisation's incidents (from <paramref name="since"/>, of <paramref name="team"/> when given, maintenance
    /// left out unless <paramref name="maintenance"/>), deployments and drills from <paramref name="since"/>, and all
    /// its service dependencies.
    /// </summary>
    public static async Task<ReportInput> LoadAsync(
        IHistoryStore store, string organisation, DateTimeOffset? since, string? team, bool maintenance, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var incidents = new List<Incident>();
        await foreach (var r in store.ReadAsync(organisation, new RecordQuery(RecordKind.Incident, since), cancellationToken))
        {
            var i = (Incident)r;
            if ((maintenance || !TimeMetrics.IsMaintenance(i)) && (team is null || string.Equals(i.Team, team, StringComparison.OrdinalIgnoreCase)))
            {
                incidents.Add(i);
            }
        }

        return new ReportInput(
            organisation,
            incidents,
            await ReadAsync<Deployment>(store, organisation, new RecordQuery(RecordKind.Deployment, since), cancellationToken),
            await ReadAsync<ServiceDependency>(store, organisation, new RecordQuery(RecordKind.Dependency), cancellationToken),
            await ReadAsync<DrillRecord>(store, organisation, new RecordQuery(RecordKind.Drill, since), cancellationToken),
            now,
            since,
            team);
    }

    private static async Task<List<T>> ReadAsync<T>(IHistoryStore store, string organisation, RecordQuery query, CancellationToken cancellationToken)
        where T : HistoryRecord
    {
        var list = new List<T>();
        await foreach (var r in store.ReadAsync(organisation, query, cancellationToken))
        {
            list.Add((T)r);
        }

        return list;
    }
}

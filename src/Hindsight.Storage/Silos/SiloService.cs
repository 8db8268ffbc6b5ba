using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Silos;

namespace Hindsight.Storage.Silos;

/// <summary>Runs the knowledge-silo detector over an organisation's store and keeps its records there.</summary>
/// <param name="store">The store.</param>
/// <param name="organisation">The organisation.</param>
public sealed class SiloService(IHistoryStore store, string organisation)
{
    /// <summary>
    /// Detects silos as of <paramref name="asOf"/> — or, with <paramref name="from"/>, as of each day from it to
    /// <paramref name="asOf"/> in turn, so statuses carry over day by day — and stores the records in one transaction.
    /// Returns the detections of the last day.
    /// </summary>
    public async Task<IReadOnlyList<SiloDetection>> RunAsync(DateTimeOffset asOf, DateTimeOffset? from = null, SiloParameters? parameters = null,
        string? department = null, SiloSource source = SiloSource.All, CancellationToken cancellationToken = default)
    {
        var p = parameters ?? SiloParameters.Default;
        var responses = await ResponsesAsync(source, cancellationToken).ConfigureAwait(false);
        var records = (await ReadAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.Key, StringComparer.Ordinal);
        var changed = new Dictionary<string, SiloRisk>(StringComparer.Ordinal);
        IReadOnlyList<SiloDetection> detections = [];
        var memo = new SiloMemo();
        var start = from is { } f && f < asOf ? asOf.AddDays(-Math.Floor((asOf - f).TotalDays)) : asOf; // whole days back, so the last run is at asOf
        for (var day = start; day <= asOf; day = day.AddDays(1))
        {
            detections = SiloDetector.Detect(responses, day, p, department, memo);
            foreach (var record in SiloTracker.Apply(records, detections, p))
            {
                records[record.Key] = record;
                changed[record.Key] = record;
            }
        }

        if (changed.Count > 0)
        {
            await WriteAsync([.. changed.Values], cancellationToken).ConfigureAwait(false);
        }

        return detections;
    }

    /// <summary>Every tracked silo.</summary>
    public async Task<IReadOnlyList<SiloRisk>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var silos = new List<SiloRisk>();
        await foreach (var record in store.ReadAsync(organisation, new RecordQuery(RecordKind.Silo), cancellationToken).ConfigureAwait(false))
        {
            silos.Add((SiloRisk)record);
        }

        return silos;
    }

    /// <summary>One tracked silo, or null.</summary>
    public async Task<SiloRisk?> FindAsync(string expert, string category, CancellationToken cancellationToken = default) =>
        await store.FindAsync(organisation, RecordKind.Silo, SiloRisk.KeyOf(expert, category), cancellationToken).ConfigureAwait(false) as SiloRisk;

    /// <summary>Stores changed records in one transaction.</summary>
    public async Task WriteAsync(IReadOnlyList<SiloRisk> silos, CancellationToken cancellationToken = default)
    {
        await using var writer = await store.BeginWriteAsync(organisation, cancellationToken).ConfigureAwait(false);
        await writer.WriteAsync(silos, cancellationToken).ConfigureAwait(false);
        await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<SiloResponse>> ResponsesAsync(SiloSource source, CancellationToken cancellationToken)
    {
        var responses = new List<SiloResponse>();
        if (source != SiloSource.Incidents)
        {
            var logs = new List<ResponseLog>();
            await foreach (var record in store.ReadAsync(organisation, new RecordQuery(RecordKind.ResponseLog), cancellationToken).ConfigureAwait(false))
            {
                logs.Add((ResponseLog)record);
            }

            responses.AddRange(SiloResponses.FromLogs(logs));
        }

        if (source != SiloSource.Logs)
        {
            var incidents = new List<Incident>();
            await foreach (var record in store.ReadAsync(organisation, RecordQuery.Incidents, cancellationToken).ConfigureAwait(false))
            {
                incidents.Add((Incident)record);
            }

            responses.AddRange(SiloResponses.FromIncidents(incidents));
        }

        return responses;
    }
}

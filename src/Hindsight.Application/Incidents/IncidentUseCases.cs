using System.Globalization;
using System.Text;
using Hindsight.Application.Errors;
using Hindsight.Application.Workspaces;
using Hindsight.Canonical;
using Hindsight.Errors;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Services;
using Hindsight.Storage;

namespace Hindsight.Application.Incidents;

/// <summary>What people ask of an organisation's incidents: list, show, headline figures, export.</summary>
public sealed class IncidentUseCases
{
    /// <summary>The record kinds in export order: what others refer to comes first, so an export ingests back in one pass.</summary>
    public static readonly IReadOnlyList<RecordKind> ExportOrder =
        [RecordKind.Dependency, RecordKind.Deployment, RecordKind.Risk, RecordKind.ResponseLog, RecordKind.Incident, RecordKind.Silo, RecordKind.Drill, RecordKind.Alert, RecordKind.Confirmation, RecordKind.Survey, RecordKind.Feedback, RecordKind.Weights];

    private readonly Workspace _workspace;

    internal IncidentUseCases(Workspace workspace) => _workspace = workspace;

    /// <summary>The incidents that match <paramref name="filter"/>, newest first, one page at a time.</summary>
    public async Task<IncidentPage> ListAsync(IncidentFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var severity = Require.Severity(filter.Severity, "severity");
        var since = Require.Time(filter.Since, "since");
        var until = Require.Time(filter.Until, "until");
        var limit = Require.InRange(filter.Limit, 1, 1000, "limit");
        var after = filter.Cursor is null ? ((long Ticks, string Id)?)null : Cursor.Parse(filter.Cursor);
        var services = filter.Services.Select(ServiceNames.Key).ToHashSet(StringComparer.Ordinal); // any spelling of a service finds it
        var words = (filter.Text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
        var page = new List<Incident>(limit);
        int matched = 0, remaining = 0;
        for (var n = history.AllIncidents.Count - 1; n >= 0; n--)
        {
            var i = history.AllIncidents[n];
            if ((severity is null || i.Severity == severity)
                && (since is null || (!i.Undated && i.StartedAt >= since))
                && (until is null || (!i.Undated && i.StartedAt < until))
                && (filter.Team is null || string.Equals(i.Team, filter.Team, StringComparison.OrdinalIgnoreCase))
                && (services.Count == 0 || i.Services.Any(s => services.Contains(ServiceNames.Key(s))))
                && (words.Length == 0 || words.All(w => Mentions(i, w))))
            {
                matched++;
                if (after is not { } a || Cursor.IsOlder(i, a))
                {
                    remaining++;
                    if (page.Count < limit)
                    {
                        page.Add(i);
                    }
                }
            }
        }

        return new IncidentPage(page, matched, remaining > page.Count ? Cursor.Of(page[^1]) : null);
    }

    /// <summary>One incident with everything known about it.</summary>
    /// <exception cref="HindsightException">No incident has this id in the organisation (not found).</exception>
    public async Task<Incident> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var key = Require.Text(id, "id", "the incident id");
        return await _workspace.Store.FindAsync(_workspace.Organisation, RecordKind.Incident, key, cancellationToken).ConfigureAwait(false) as Incident
            ?? throw HindsightException.NotFound($"no incident '{key}' in organisation '{_workspace.Organisation}'", "list the incidents to find its id", "id");
    }

    /// <summary>The incident with this id, or null.</summary>
    public async Task<Incident?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(id) ? null
        : await _workspace.Store.FindAsync(_workspace.Organisation, RecordKind.Incident, id.Trim(), cancellationToken).ConfigureAwait(false) as Incident;

    /// <summary>
    /// The stored incident a target names, or null when the target is a description. A target shaped like an id
    /// (<see cref="IncidentIds.LooksLikeId"/>) that is not stored is not found rather than searched for as words.
    /// </summary>
    /// <exception cref="HindsightException">The target looks like an id and no incident has it (not found).</exception>
    public async Task<Incident?> TargetAsync(string target, CancellationToken cancellationToken = default)
    {
        var stored = await FindAsync(target, cancellationToken).ConfigureAwait(false);
        if (stored is null && IncidentIds.LooksLikeId(target))
        {
            throw HindsightException.NotFound(
                $"no incident '{target.Trim()}' in organisation '{_workspace.Organisation}'",
                "list the incidents to find its id, or describe the incident in words to search by description", "target");
        }

        return stored;
    }

    /// <summary>
    /// Stores records (incidents, deployments, dependencies, …) in one transaction after checking every one: a record
    /// that breaks a rule of the canonical format stores nothing. Searchable and analysed as soon as this returns.
    /// </summary>
    /// <exception cref="HindsightException">A record is not valid (bad input naming the record and field).</exception>
    public async Task<WriteSummary> RecordAsync(IReadOnlyList<HistoryRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        for (var n = 0; n < records.Count; n++)
        {
            var record = records[n];
            if (record.Org is { } org && org != _workspace.Organisation.Name)
            {
                throw HindsightException.BadInput("org", $"record {n + 1} ({record.Key}) belongs to organisation '{org}', not '{_workspace.Organisation}'", remedy: "leave the field out: the organisation comes from the caller");
            }

            if (Validation.RecordValidator.Validate(record) is { Count: > 0 } errors)
            {
                var first = errors[0];
                throw new HindsightException(new HindsightError(ErrorKind.BadInput, $"{first.Message}{(errors.Count > 1 ? $" (and {errors.Count - 1} more problem(s))" : "")}")
                {
                    Field = string.IsNullOrEmpty(first.Field) ? null : first.Field,
                    Source = records.Count > 1 ? $"record {n + 1}" : null,
                });
            }
        }

        using var scope = _workspace.Telemetry.Measure("record");
        var clean = records.Select(r => r.Org is null ? r : r with { Org = null }).ToList();
        var counts = await _workspace.WriteAsync(clean, cancellationToken).ConfigureAwait(false);
        _workspace.Telemetry.Registered(scope.Elapsed);
        return new WriteSummary(counts.Inserted, counts.Updated, counts.Unchanged);
    }

    /// <summary>Counts by kind, severity, service, team and month, and the median time to resolve.</summary>
    public async Task<HistoryStats> StatsAsync(CancellationToken cancellationToken = default)
    {
        var counts = await _workspace.Store.CountAsync(_workspace.Organisation, cancellationToken).ConfigureAwait(false);
        var history = await _workspace.HistoryAsync(cancellationToken).ConfigureAwait(false);
        var s = await _workspace.Analyses.GetOrAddAsync("stats", history.Revision, () => HistorySummary.Of(history.AllIncidents)).ConfigureAwait(false);
        return new HistoryStats(
            _workspace.StoreDescription, _workspace.Organisation.Name,
            counts[RecordKind.Incident], counts[RecordKind.Deployment], counts[RecordKind.Dependency], counts[RecordKind.ResponseLog],
            s.Undated, s.Resolved, s.MedianMinutesToResolve, s.DuplicatePairs, s.RelatedPairs, s.OpenActionItems, s.First, s.Last,
            s.BySeverity, s.ByService, s.ByTeam, s.ByMonth);
    }

    /// <summary>
    /// Writes the organisation's records of <paramref name="kinds"/> (every kind when null) as canonical JSON Lines —
    /// what ingest reads back. Returns how many were written.
    /// </summary>
    public async Task<long> ExportAsync(TextWriter output, IReadOnlyList<RecordKind>? kinds = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        long count = 0;
        foreach (var kind in kinds ?? ExportOrder)
        {
            await foreach (var record in _workspace.Store.ReadAsync(_workspace.Organisation, new RecordQuery(kind), cancellationToken).ConfigureAwait(false))
            {
                await output.WriteLineAsync(Encoding.UTF8.GetString(CanonicalJson.Serialize(record)).AsMemory(), cancellationToken).ConfigureAwait(false);
                count++;
            }
        }

        return count;
    }

    private static bool Mentions(Incident incident, string word) =>
        incident.Title.Contains(word, StringComparison.OrdinalIgnoreCase)
        || (incident.Summary?.Contains(word, StringComparison.OrdinalIgnoreCase) ?? false)
        || incident.Services.Any(s => s.Contains(word, StringComparison.OrdinalIgnoreCase))
        || incident.Tags.Any(t => t.Contains(word, StringComparison.OrdinalIgnoreCase))
        || (incident.FailureMode?.Contains(word, StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>A position in the newest-first order: the start time and id of the last incident of a page.</summary>
    private static class Cursor
    {
        public static string Of(Incident last) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{last.StartedAt.UtcTicks}|{last.Id}")));

        public static (long Ticks, string Id) Parse(string cursor)
        {
            try
            {
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
                var bar = text.IndexOf('|', StringComparison.Ordinal);
                if (bar > 0 && long.TryParse(text[..bar], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks))
                {
                    return (ticks, text[(bar + 1)..]);
                }
            }
            catch (FormatException)
            {
            }

            throw HindsightException.BadInput("cursor", "is not a cursor of this listing", "the next_cursor of the previous page");
        }

        /// <summary>Whether the incident comes after the cursor in newest-first order.</summary>
        public static bool IsOlder(Incident incident, (long Ticks, string Id) cursor)
        {
            var byTime = incident.StartedAt.UtcTicks.CompareTo(cursor.Ticks);
            return byTime < 0 || (byTime == 0 && string.CompareOrdinal(incident.Id, cursor.Id) < 0);
        }
    }
}

using Hindsight.AlertHistory;
using Hindsight.Confirmations;
using Hindsight.Culture;
using Hindsight.Drills;
using Hindsight.History;
using Hindsight.Incidents;
using Hindsight.Risks;
using Hindsight.Services;
using Hindsight.Silos;

namespace Hindsight.Application.Workspaces;

/// <summary>
/// An organisation's history as of one store revision, in memory and immutable: what every analysis reads. Records
/// are in the store's reading order (time, then key).
/// </summary>
public sealed class HistorySnapshot
{
    private readonly IReadOnlyDictionary<RecordKind, IReadOnlyList<HistoryRecord>> _byKind;

    internal HistorySnapshot(long revision, IReadOnlyDictionary<RecordKind, IReadOnlyList<HistoryRecord>> byKind)
    {
        Revision = revision;
        _byKind = SameServiceNames(byKind);
        AllIncidents = Of<Incident>(RecordKind.Incident);
        Incidents = AllIncidents.Any(i => i.Undated) ? [.. AllIncidents.Where(i => !i.Undated)] : AllIncidents;
        Undated = AllIncidents.Count - Incidents.Count;
        Deployments = Of<Deployment>(RecordKind.Deployment);
        Dependencies = Of<ServiceDependency>(RecordKind.Dependency);
        ResponseLogs = Of<ResponseLog>(RecordKind.ResponseLog);
        Drills = Of<DrillRecord>(RecordKind.Drill);
        Risks = Of<Risk>(RecordKind.Risk);
        Silos = Of<SiloRisk>(RecordKind.Silo);
        Alerts = Of<AlertFiring>(RecordKind.Alert);
        Confirmations = Of<Confirmation>(RecordKind.Confirmation);
        Surveys = Of<SurveyResponse>(RecordKind.Survey);
    }

    /// <summary>
    /// The records with each service in one spelling (<see cref="ServiceNames"/>): what differs only in case or spacing
    /// is one service in every analysis and listing (the store keeps what was written).
    /// </summary>
    private static IReadOnlyDictionary<RecordKind, IReadOnlyList<HistoryRecord>> SameServiceNames(IReadOnlyDictionary<RecordKind, IReadOnlyList<HistoryRecord>> byKind)
    {
        IReadOnlyList<HistoryRecord> Records(RecordKind kind) => byKind.TryGetValue(kind, out var r) ? r : [];
        var names = ServiceNames.Of(Records(RecordKind.Incident).OfType<Incident>().SelectMany(i => i.Services)
            .Concat(Records(RecordKind.Deployment).OfType<Deployment>().Select(d => d.Service))
            .Concat(Records(RecordKind.Dependency).OfType<ServiceDependency>().SelectMany(d => new[] { d.Service, d.DependsOn })));
        if (!names.AnyMerged)
        {
            return byKind;
        }

        // only the records whose names change are copied: the others stay the same objects (and keep what is cached on them)
        bool Same(IReadOnlyList<string> services) => services.All(x => names.Canonical(x) == x) && services.Distinct(StringComparer.Ordinal).Count() == services.Count;
        return byKind.ToDictionary(k => k.Key, k => k.Key is not (RecordKind.Incident or RecordKind.Deployment or RecordKind.Dependency) ? k.Value
            : (IReadOnlyList<HistoryRecord>)[.. k.Value.Select(r => r switch
            {
                Incident i when !Same(i.Services) => i with { Services = names.Canonical(i.Services) },
                Deployment d when names.Canonical(d.Service) != d.Service => d with { Service = names.Canonical(d.Service) },
                ServiceDependency d when names.Canonical(d.Service) != d.Service || names.Canonical(d.DependsOn) != d.DependsOn
                    => d with { Service = names.Canonical(d.Service), DependsOn = names.Canonical(d.DependsOn) },
                _ => r,
            })]);
    }

    /// <summary>Every change up to this store revision is in the snapshot.</summary>
    public long Revision { get; }

    /// <summary>The dated incidents, by start time: what every time-based analysis reads.</summary>
    public IReadOnlyList<Incident> Incidents { get; }

    /// <summary>Every incident, the undated ones (first) included: for lists, search and classification.</summary>
    public IReadOnlyList<Incident> AllIncidents { get; }

    /// <summary>How many incidents are undated (left out of <see cref="Incidents"/> and of every time-based figure).</summary>
    public int Undated { get; }

    /// <summary>The deployments, by time.</summary>
    public IReadOnlyList<Deployment> Deployments { get; }

    /// <summary>The service dependencies.</summary>
    public IReadOnlyList<ServiceDependency> Dependencies { get; }

    /// <summary>The response logs, by question time.</summary>
    public IReadOnlyList<ResponseLog> ResponseLogs { get; }

    /// <summary>The graded drills, by grading time.</summary>
    public IReadOnlyList<DrillRecord> Drills { get; }

    /// <summary>The risk register.</summary>
    public IReadOnlyList<Risk> Risks { get; }

    /// <summary>The tracked knowledge silos.</summary>
    public IReadOnlyList<SiloRisk> Silos { get; }

    /// <summary>The alert firings, by firing time.</summary>
    public IReadOnlyList<AlertFiring> Alerts { get; }

    /// <summary>The confirmed failure modes, by confirmation time.</summary>
    public IReadOnlyList<Confirmation> Confirmations { get; }

    /// <summary>The culture-survey answers, by date.</summary>
    public IReadOnlyList<SurveyResponse> Surveys { get; }

    private IReadOnlyList<T> Of<T>(RecordKind kind)
        where T : HistoryRecord =>
        _byKind.TryGetValue(kind, out var records) ? records.Cast<T>().ToArray() : [];
}

namespace Hindsight.Incidents;

/// <summary>
/// Durations derived from an incident's timestamps; each is null when a timestamp it needs is missing.
/// Detect, mitigate and resolve are measured from the start of impact; acknowledge from detection
/// (from the start when detection is not recorded), as paging tools measure it. An undated incident has only the
/// durations that do not need its start.
/// </summary>
/// <param name="TimeToDetect">Started → detected.</param>
/// <param name="TimeToAcknowledge">Detected (or started) → acknowledged.</param>
/// <param name="TimeToMitigate">Started → mitigated.</param>
/// <param name="TimeToResolve">Started → resolved.</param>
public readonly record struct IncidentDurations(
    TimeSpan? TimeToDetect,
    TimeSpan? TimeToAcknowledge,
    TimeSpan? TimeToMitigate,
    TimeSpan? TimeToResolve)
{
    /// <summary>Computes the durations of one incident.</summary>
    public static IncidentDurations Of(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        DateTimeOffset? start = incident.Undated ? null : incident.StartedAt;
        return new IncidentDurations(
            incident.DetectedAt - start,
            incident.AcknowledgedAt - (incident.DetectedAt ?? start),
            incident.MitigatedAt - start,
            incident.ResolvedAt - start);
    }
}

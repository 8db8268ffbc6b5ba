namespace Hindsight.Application.Incidents;

/// <summary>Headline figures of an organisation's history.</summary>
/// <param name="Store">Where the history is kept.</param>
/// <param name="Organisation">The organisation.</param>
/// <param name="Incidents">Incidents stored.</param>
/// <param name="Deployments">Deployments stored.</param>
/// <param name="Dependencies">Service dependencies stored.</param>
/// <param name="ResponseLogs">Response logs stored.</param>
/// <param name="Undated">Incidents without a start time (left out of the months, first and last, and of every time-based figure).</param>
/// <param name="Resolved">Incidents with a resolution time.</param>
/// <param name="MedianMinutesToResolve">Median minutes from start to resolution.</param>
/// <param name="DuplicatePairs">Pairs of incidents linked as duplicates.</param>
/// <param name="RelatedPairs">Pairs of incidents linked as related.</param>
/// <param name="OpenActionItems">Follow-up action items not done.</param>
/// <param name="First">Start of the earliest incident.</param>
/// <param name="Last">Start of the latest incident.</param>
/// <param name="BySeverity">Incidents per severity.</param>
/// <param name="ByService">Incidents per service, most first.</param>
/// <param name="ByTeam">Incidents per team, most first.</param>
/// <param name="ByMonth">Incidents per month.</param>
public sealed record HistoryStats(
    string Store,
    string Organisation,
    long Incidents,
    long Deployments,
    long Dependencies,
    long ResponseLogs,
    long Undated,
    long Resolved,
    double? MedianMinutesToResolve,
    long DuplicatePairs,
    long RelatedPairs,
    long OpenActionItems,
    DateTimeOffset? First,
    DateTimeOffset? Last,
    IReadOnlyDictionary<string, long> BySeverity,
    IReadOnlyDictionary<string, long> ByService,
    IReadOnlyDictionary<string, long> ByTeam,
    IReadOnlyDictionary<string, long> ByMonth);

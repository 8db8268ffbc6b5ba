using Hindsight.Calendar;
using Hindsight.Incidents;

namespace Hindsight.Knowledge;

/// <summary>
/// Runbook and knowledge freshness (SPEC §3, prepare-learn "knowledge update"): for everything consulted during
/// responses, when it was last changed or last helped. A consultation is of stale knowledge when, at the incident's
/// start, the item had neither changed nor helped anyone for <see cref="StaleAfter"/>; when neither is known yet (a
/// runbook without a change date, consulted for the first time) the consultation is not judged. A past incident
/// changes when it is resolved. The findings are the services whose incidents keep consulting stale knowledge (at
/// least <see cref="MinConsultations"/> stale consultations) or unhelpful knowledge (at least half of at least
/// <see cref="MinConsultations"/> consultations marked as not having helped), most stale first.
/// </summary>
public static class KnowledgeFreshness
{
    /// <summary>Knowledge neither changed nor helpful for this long is stale.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(180);

    /// <summary>A service needs this many consultations to be a finding.</summary>
    public const int MinConsultations = 3;

    /// <summary>The freshness report of <paramref name="incidents"/> (dated, any order) at <paramref name="now"/>.</summary>
    public static FreshnessReport Of(IReadOnlyList<Incident> incidents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        var resolvedAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var i in incidents)
        {
            resolvedAt.TryAdd(i.Id, i.ResolvedAt ?? i.StartedAt);
        }

        var items = new Dictionary<(string Kind, string Ref), Item>();
        var services = new Dictionary<string, (int All, int Stale, int Unhelpful, int Poor)>(StringComparer.OrdinalIgnoreCase);
        int judged = 0, stale = 0;
        foreach (var i in TimeOrder.ByStart(incidents.Where(i => i.Consulted.Count > 0)))
        {
            foreach (var c in i.Consulted)
            {
                var kind = c.Kind.Trim().ToLowerInvariant();
                var key = (kind, c.Ref.Trim());
                if (!items.TryGetValue(key, out var item))
                {
                    items[key] = item = new Item();
                }

                var changed = kind == "incident" && resolvedAt.TryGetValue(key.Item2, out var r) && r <= i.StartedAt ? r : item.ChangedBy(c.UpdatedAt, i.StartedAt);
                var anchor = Moments.Later(changed, item.LastHelped);
                var isStale = anchor is { } a && i.StartedAt - a > StaleAfter;
                judged += anchor is null ? 0 : 1;
                stale += isStale ? 1 : 0;
                item.Consulted++;
                item.LastConsulted = i.StartedAt;
                item.LastChanged = Moments.Later(item.LastChanged, changed);
                item.LatestReported = c.UpdatedAt is { } u && u <= now ? Moments.Later(item.LatestReported, u) : item.LatestReported;
                if (c.Helped == true)
                {
                    item.Helped++;
                    item.LastHelped = i.StartedAt;
                }
                else if (c.Helped == false)
                {
                    item.NotHelped++;
                }

                foreach (var s in i.Services.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    var (all, st, un, poor) = services.GetValueOrDefault(s);
                    services[s] = (all + 1, st + (isStale ? 1 : 0), un + (c.Helped == false ? 1 : 0), poor + (isStale || c.Helped == false ? 1 : 0));
                }
            }
        }

        // now, an item changed when the latest change any consultation reported (up to now) says so
        var list = items.Select(p => (p.Key, p.Value, Changed: Moments.Later(p.Value.LastChanged, p.Value.LatestReported)))
            .Select(p => new KnowledgeItemFreshness(
                p.Key.Kind, p.Key.Ref, p.Value.Consulted, p.Value.Helped, p.Value.NotHelped, p.Value.LastConsulted, p.Changed, p.Value.LastHelped,
                Moments.Later(p.Changed, p.Value.LastHelped) is { } a && now - a > StaleAfter))
            .OrderByDescending(x => x.Stale).ThenByDescending(x => x.Consulted).ThenBy(x => x.Ref, StringComparer.Ordinal)
            .ToList();
        var findings = services
            .Where(s => s.Value.Stale >= MinConsultations || (s.Value.All >= MinConsultations && s.Value.Unhelpful * 2 >= s.Value.All))
            .Select(s => new ServiceKnowledgeUse(s.Key, s.Value.All, s.Value.Stale, s.Value.Unhelpful) { PoorShare = Math.Round((double)s.Value.Poor / s.Value.All, 4) })
            .OrderByDescending(s => s.Stale).ThenByDescending(s => s.PoorShare).ThenByDescending(s => s.Consultations).ThenBy(s => s.Service, StringComparer.Ordinal)
            .Take(10)
            .ToList();
        var rate = items.Count == 0
            ? Metrics.Ratio.Unmeasurable("no incident records the runbooks or past incidents consulted while responding")
            : judged == 0
                ? Metrics.Ratio.Unmeasurable("no consulted runbook has a change date (updated_at) and none has helped yet")
                : new Metrics.Ratio(stale, judged);
        return new FreshnessReport(rate, list, findings);
    }

    private sealed class Item
    {
        public int Consulted { get; set; }

        public int Helped { get; set; }

        public int NotHelped { get; set; }

        public DateTimeOffset LastConsulted { get; set; }

        public DateTimeOffset? LastChanged { get; set; }

        public DateTimeOffset? LastHelped { get; set; }

        /// <summary>The latest change any consultation reported, even one after that consultation (a source exporting the runbook's current date).</summary>
        public DateTimeOffset? LatestReported { get; set; }

        /// <summary>The latest change known by <paramref name="at"/>: the one this consultation reports, or one reported before.</summary>
        public DateTimeOffset? ChangedBy(DateTimeOffset? reported, DateTimeOffset at) =>
            reported is { } r && r <= at ? Moments.Later(LastChanged, r) : LastChanged;
    }
}

using Hindsight.Incidents;
using Hindsight.Statistics;

namespace Hindsight.Suggestions;

/// <summary>Turns the similar incidents of a query into suggestions: merged helpful actions, experts and the efficiency ratio.</summary>
public static class SuggestionBuilder
{
    /// <summary>Two actions say the same thing when their term sets overlap at least this much (Jaccard).</summary>
    public const double SameAction = 0.5;

    /// <summary>Builds the suggestion for <paramref name="query"/> (a stored incident or null for a free-text query).</summary>
    public static Suggestion Build(Incident? query, IReadOnlyList<SimilarIncident> similar, DateTimeOffset now, int top = 5)
    {
        ArgumentNullException.ThrowIfNull(similar);
        return new Suggestion(similar, Actions(similar, top), Experts(similar, now, top), Efficiency(query, similar, now));
    }

    /// <summary>The actions taken in similar incidents, merged when they say the same thing, ranked by how often and how reliably they helped.</summary>
    public static IReadOnlyList<SuggestedAction> Actions(IReadOnlyList<SimilarIncident> similar, int top)
    {
        ArgumentNullException.ThrowIfNull(similar);
        var groups = new List<ActionGroup>();
        foreach (var s in similar)
        {
            foreach (var action in s.Incident.Actions)
            {
                var terms = ActionTerms.Of(action.Description);
                var group = groups.FirstOrDefault(g => ActionTerms.Jaccard(g.Terms, terms) >= SameAction);
                if (group is null)
                {
                    groups.Add(group = new ActionGroup(terms));
                }

                group.Add(action, s);
            }
        }

        return [.. groups.Where(g => g.Helped > 0).Select(g => g.ToSuggestion()).OrderByDescending(a => a.Score).ThenBy(a => a.Description, StringComparer.Ordinal).Take(top)];
    }

    /// <summary>The responders of similar incidents, ranked by similarity × role × recency (half-life one year).</summary>
    public static IReadOnlyList<SuggestedExpert> Experts(IReadOnlyList<SimilarIncident> similar, DateTimeOffset now, int top)
    {
        ArgumentNullException.ThrowIfNull(similar);
        return [.. similar
            .SelectMany(s => s.Incident.Responders.Select(r => (Responder: r, Similar: s)))
            .Where(x => !string.IsNullOrWhiteSpace(x.Responder.Name))
            .GroupBy(x => x.Responder.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => new SuggestedExpert(
                g.First().Responder.Name.Trim(),
                [.. g.Select(x => x.Responder.Role).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
                g.Select(x => x.Similar.Incident.Id).Distinct(StringComparer.Ordinal).Count(),
                g.Select(x => x.Similar.Incident.ResolvedAt ?? x.Similar.Incident.At).Max(),
                Math.Round(g.Sum(x => x.Similar.Score * RoleWeight(x.Responder.Role) * Recency(x.Similar.Incident, now)), 4)))
            .OrderByDescending(e => e.Score)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .Take(top)];
    }

    /// <summary>The response-efficiency ratio, or null without a time for the query (an undated one has none) or for the similar incidents.</summary>
    public static IncidentEfficiency? Efficiency(Incident? query, IReadOnlyList<SimilarIncident> similar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(similar);
        var times = similar.Select(s => s.Incident.Durations.TimeToResolve?.TotalMinutes).OfType<double>().ToList();
        if (query is null || query.Undated || times.Count == 0 || Quantiles.Median(times) is not { } median || median <= 0)
        {
            return null;
        }

        var open = query.ResolvedAt is null;
        var minutes = open ? (now - query.StartedAt).TotalMinutes : query.Durations.TimeToResolve!.Value.TotalMinutes;
        return minutes < 0 ? null : new IncidentEfficiency(Math.Round(minutes, 1), open, Math.Round(median, 1), times.Count, Math.Round(minutes / median, 3));
    }

    private static double RoleWeight(string? role) =>
        role is not null && (role.Contains("commander", StringComparison.OrdinalIgnoreCase) || role.Contains("lead", StringComparison.OrdinalIgnoreCase)
            || role.Contains("owner", StringComparison.OrdinalIgnoreCase)) ? 1.0 : 0.7;

    private static double Recency(Incident incident, DateTimeOffset now) =>
        incident.Undated ? 0.5 : Math.Pow(0.5, Math.Max(0, (now - incident.StartedAt).TotalDays) / 365); // an undated one counts as a year old

    private sealed class ActionGroup(HashSet<string> terms)
    {
        private readonly Dictionary<string, (int Count, int First)> _wordings = new(StringComparer.Ordinal);
        private readonly List<string> _incidents = [];
        private int _failed;
        private double _support;

        public HashSet<string> Terms { get; } = terms;

        public int Helped { get; private set; }

        private int Tried { get; set; }

        public void Add(ActionTaken action, SimilarIncident source)
        {
            Tried++;
            var wording = action.Description.Trim();
            var (count, first) = _wordings.GetValueOrDefault(wording, (0, _wordings.Count));
            _wordings[wording] = (count + 1, first);
            if (!_incidents.Contains(source.Incident.Id))
            {
                _incidents.Add(source.Incident.Id);
            }

            if (action.Helped == true)
            {
                Helped++;
                _support += source.Score;
            }
            else if (action.Helped == false)
            {
                _failed++;
            }
        }

        public SuggestedAction ToSuggestion()
        {
            var reliability = (Helped + 1.0) / (Helped + _failed + 2.0);
            // the most common wording; among equals, the one from the most similar incident (seen first)
            var wording = _wordings.OrderByDescending(w => w.Value.Count).ThenBy(w => w.Value.First).First().Key;
            return new SuggestedAction(wording, Helped, Tried, Math.Round(reliability, 3), Math.Round(reliability * _support, 4), _incidents);
        }
    }
}

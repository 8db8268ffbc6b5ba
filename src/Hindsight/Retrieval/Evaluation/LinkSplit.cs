using Hindsight.Incidents;

namespace Hindsight.Retrieval.Evaluation;

/// <summary>
/// Splits linked records into a training part and a test part by whole groups of linked records, so that no test
/// query's own link is ever trained on (a link between a training record and a test record would leak it).
/// </summary>
public static class LinkSplit
{
    /// <summary>Puts a random <paramref name="fraction"/> of the link groups (seeded) into training and the rest into test.</summary>
    public static (IReadOnlyList<Incident> Train, IReadOnlyList<Incident> Test) Split(IReadOnlyList<Incident> linked, double fraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(linked);
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent.TryGetValue(x, out var p) && p != x)
            {
                parent[x] = parent.GetValueOrDefault(p, p);
                x = p;
            }

            return x;
        }

        foreach (var incident in linked)
        {
            parent.TryAdd(incident.Id, incident.Id);
            foreach (var link in incident.Links)
            {
                parent.TryAdd(link.Id, link.Id);
                var (a, b) = (Find(incident.Id), Find(link.Id));
                if (a != b)
                {
                    parent[a] = b;
                }
            }
        }

        var groups = linked.GroupBy(i => Find(i.Id)).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(groups);
        var trainGroups = (int)Math.Round(groups.Length * Math.Clamp(fraction, 0, 1));
        return ([.. groups.Take(trainGroups).SelectMany(g => g)], [.. groups.Skip(trainGroups).SelectMany(g => g)]);
    }
}

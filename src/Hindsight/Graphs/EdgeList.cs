using System.Globalization;
using Hindsight.Errors;
using Hindsight.History;

namespace Hindsight.Graphs;

/// <summary>
/// A graph from a CSV edge list: a header, then <c>source,target[,weight]</c> rows (for dependencies: the source depends
/// on the target). Nodes are numbered in the order they first appear.
/// </summary>
/// <param name="Names">The node names by number.</param>
/// <param name="Edges">The edges, as node numbers and a weight (1 when absent).</param>
public sealed record EdgeList(IReadOnlyList<string> Names, IReadOnlyList<(int A, int B, double Weight)> Edges)
{
    /// <summary>Reads an edge list.</summary>
    /// <exception cref="InputException">A row lacks a target or has a weight that is not a positive number.</exception>
    public static EdgeList Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var names = new List<string>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var edges = new List<(int, int, double)>();
        int Node(string name)
        {
            if (!ids.TryGetValue(name, out var id))
            {
                ids[name] = id = names.Count;
                names.Add(name);
            }

            return id;
        }

        var line = 0;
        foreach (var row in File.ReadLines(path))
        {
            line++;
            if (line == 1 || string.IsNullOrWhiteSpace(row))
            {
                continue; // the header
            }

            var parts = row.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw InputException.At(path, line, "", "expected source,target[,weight]");
            }

            var weight = 1.0;
            if (parts.Length > 2 && parts[2].Length > 0 && (!double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !(weight > 0)))
            {
                throw InputException.At(path, line, "weight", $"'{parts[2]}' is not a positive number");
            }

            edges.Add((Node(parts[0]), Node(parts[1]), weight));
        }

        return new EdgeList(names, edges);
    }

    /// <summary>The edges as dependencies (source depends on target).</summary>
    public IReadOnlyList<ServiceDependency> Dependencies => [.. Edges.Select(e => new ServiceDependency { Service = Names[e.A], DependsOn = Names[e.B], Weight = e.Weight })];
}

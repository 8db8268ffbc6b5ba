using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Hindsight.Cli.Output;
using Hindsight.Graphs;
using Hindsight.Import;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight graph …</c>: communities, shortest paths and blast radius on a CSV edge list.</summary>
internal static class GraphCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("graph", "Graph analysis on an edge list (source,target[,weight]): Louvain communities, Dijkstra paths, blast radius");
        command.Subcommands.Add(Communities(context));
        command.Subcommands.Add(Path(context));
        command.Subcommands.Add(BlastRadius(context));
        return command;
    }

    private static Command Communities(CliContext context)
    {
        var file = new Argument<string>("EDGES.csv") { Description = "The edge list" };
        var json = GlobalOptions.Json();
        var command = new Command("communities", "Louvain communities and their modularity") { file, json };
        command.SetAction(result =>
        {
            var graph = Load(result.GetValue(file)!);
            var (community, modularity) = Louvain.Detect(graph.Names.Count, graph.Edges);
            var groups = community.Select((c, n) => (c, n)).GroupBy(x => x.c).OrderBy(g => g.Key).Select(g => g.Select(x => graph.Names[x.n]).ToList()).ToList();
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, new JsonObject
                {
                    ["nodes"] = graph.Names.Count,
                    ["edges"] = graph.Edges.Count,
                    ["modularity"] = Math.Round(modularity, 6),
                    ["communities"] = new JsonArray([.. groups.Select(g => (JsonNode)new JsonArray([.. g.Select(n => (JsonNode)n)]))]),
                });
                return ExitCodes.Ok;
            }

            context.Out.WriteLine($"{groups.Count} communities, modularity {modularity.ToString("0.000000", CultureInfo.InvariantCulture)} ({graph.Names.Count} nodes, {graph.Edges.Count} edges)");
            for (var c = 0; c < groups.Count; c++)
            {
                context.Out.WriteLine($"  {c + 1}: {string.Join(" ", groups[c])}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Path(CliContext context)
    {
        var file = new Argument<string>("EDGES.csv") { Description = "The edge list" };
        var from = new Argument<string>("FROM") { Description = "Start node" };
        var to = new Argument<string>("TO") { Description = "End node" };
        var json = GlobalOptions.Json();
        var command = new Command("path", "The most likely propagation path (Dijkstra; a heavier edge is a shorter one)") { file, from, to, json };
        command.SetAction(result =>
        {
            var graph = new DependencyGraph(Load(result.GetValue(file)!).Dependencies);
            int a = Node(graph, result.GetValue(from)!), b = Node(graph, result.GetValue(to)!);
            var path = graph.ShortestPath(a, b);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, new JsonObject
                {
                    ["connected"] = path is not null,
                    ["cost"] = path?.Cost,
                    ["path"] = path is { } p ? new JsonArray([.. p.Path.Select(n => (JsonNode)graph.Name(n))]) : null,
                });
            }
            else
            {
                context.Out.WriteLine(path is { } p
                    ? $"{string.Join(" → ", p.Path.Select(graph.Name))}  (cost {p.Cost.ToString("0.###", CultureInfo.InvariantCulture)}, {p.Path.Count - 1} hop(s))"
                    : $"{graph.Name(a)} and {graph.Name(b)} are not connected");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BlastRadius(CliContext context)
    {
        var file = new Argument<string>("EDGES.csv") { Description = "The edge list (source depends on target)" };
        var service = new Argument<string>("SERVICE") { Description = "The failing service" };
        var json = GlobalOptions.Json();
        var command = new Command("blast-radius", "The services a failure of SERVICE reaches: itself and everything that depends on it, directly or not") { file, service, json };
        command.SetAction(result =>
        {
            var edges = Load(result.GetValue(file)!);
            var name = result.GetValue(service)!.Trim();
            if (!edges.Names.Contains(name))
            {
                throw new UserError($"'{name}' is not in the graph", ExitCodes.NotFound);
            }

            var reached = Dependents.BlastRadius(name, Dependents.Graph(edges.Dependencies));
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, new JsonObject { ["service"] = name, ["blast_radius"] = new JsonArray([.. reached.Select(s => (JsonNode)s)]) });
            }
            else
            {
                context.Out.WriteLine($"{name} reaches {reached.Count - 1} other service(s): {string.Join(", ", reached.Where(s => s != name))}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static int Node(DependencyGraph graph, string name) =>
        graph.Find(name) is var n and >= 0 ? n : throw new UserError($"'{name}' is not in the graph", ExitCodes.NotFound);

    private static EdgeList Load(string path)
    {
        UserError.RequireFile(path);

        try
        {
            return EdgeList.Read(path);
        }
        catch (InputException ex)
        {
            throw new UserError(ex.Message, ExitCodes.BadInput);
        }
    }
}

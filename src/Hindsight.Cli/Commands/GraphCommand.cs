using System.CommandLine;
using System.Globalization;
using Hindsight.Application.Graphs;
using Hindsight.Cli.Output;
using Hindsight.Graphs;

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
            var found = GraphAnalyses.Communities(Load(result.GetValue(file)!));
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, found);
                return ExitCodes.Ok;
            }

            var groups = found.Communities;
            context.Out.WriteLine($"{groups.Count} communities, modularity {found.Modularity.ToString("0.000000", CultureInfo.InvariantCulture)} ({found.Nodes} nodes, {found.Edges} edges)");
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
            var path = GraphAnalyses.Path(Load(result.GetValue(file)!), result.GetValue(from)!, result.GetValue(to)!);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, path);
            }
            else
            {
                context.Out.WriteLine(path.Path is { } p
                    ? $"{string.Join(" → ", p)}  (cost {path.Cost!.Value.ToString("0.###", CultureInfo.InvariantCulture)}, {p.Count - 1} hop(s))"
                    : $"{result.GetValue(from)} and {result.GetValue(to)} are not connected");
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
            var found = GraphAnalyses.BlastRadius(Load(result.GetValue(file)!), result.GetValue(service)!);
            var (name, reached) = (found.Service, found.BlastRadius);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, found);
            }
            else
            {
                context.Out.WriteLine($"{name} reaches {reached.Count - 1} other service(s): {string.Join(", ", reached.Where(s => s != name))}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static EdgeList Load(string path)
    {
        UserError.RequireFile(path);

        return EdgeList.Read(path);
    }
}

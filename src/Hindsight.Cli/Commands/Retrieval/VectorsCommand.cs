using System.CommandLine;
using Hindsight.Application.Retrieval;
using Hindsight.Cli.Output;

namespace Hindsight.Cli.Commands.Retrieval;

/// <summary><c>hindsight vectors</c>: compute the sentence vectors of the semantic feature that incidents are missing.</summary>
internal static class VectorsCommand
{
    public static Command Create(CliContext context)
    {
        var status = new Option<bool>("--status") { Description = "Only say how many incidents have their vector" };
        var json = GlobalOptions.Json();
        var command = new Command("vectors", "Compute the sentence vectors (semantic similarity) of incidents that have none yet; 'hindsight serve' does this in the background")
        {
            status, json,
        };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await CliHost.OpenAsync(result, context, ct);
            var progress = new SynchronousProgress<SemanticStatus>(s => context.Error.Write($"\r{s.Vectors:N0} of {s.Embeddable:N0} incidents have their vector"));
            var done = await host.Workspace.Retrieval.VectorsAsync(!result.GetValue(status), context.ErrorIsTerminal ? progress : null, ct);
            if (context.ErrorIsTerminal && done.Computed > 0)
            {
                context.Error.WriteLine();
            }

            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, done);
            }
            else if (done.Semantic is not { } s)
            {
                context.Out.WriteLine("semantic similarity is off (HINDSIGHT_SEMANTIC=off): incidents are matched on words and facts alone");
            }
            else
            {
                var rate = done.VectorsPerSecond is { } r ? $" in {done.Seconds:0.0} s ({r:0.0} a second)" : "";
                context.Out.WriteLine($"{done.Computed:N0} vectors computed{rate}; {s.Vectors:N0} of {s.Embeddable:N0} incidents of '{done.Org}' with English text have their vector ({s.Model})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

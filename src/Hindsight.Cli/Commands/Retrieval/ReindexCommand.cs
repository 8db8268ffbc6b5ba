using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Hindsight.Cli.Output;

namespace Hindsight.Cli.Commands.Retrieval;

/// <summary><c>hindsight reindex</c>: throw the organisation's search index away and build it again from the store.</summary>
internal static class ReindexCommand
{
    public static Command Create(CliContext context)
    {
        var json = GlobalOptions.Json();
        var command = new Command("reindex", "Rebuild the organisation's search index from the store (after 'check' reports a disagreement)") { json };
        command.SetAction(async (result, ct) =>
        {
            await using var session = await EngineSession.OpenAsync(result, context, ct);
            var clock = Stopwatch.StartNew();
            await session.Engine.RebuildAsync(ct);
            var seconds = clock.Elapsed.TotalSeconds;
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, new JsonObject
                {
                    ["org"] = session.Organisation,
                    ["incidents"] = session.Engine.Count,
                    ["seconds"] = Math.Round(seconds, 3),
                });
            }
            else
            {
                context.Out.WriteLine($"index of '{session.Organisation}' rebuilt: {session.Engine.Count:N0} incidents in {seconds:0.0} s");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

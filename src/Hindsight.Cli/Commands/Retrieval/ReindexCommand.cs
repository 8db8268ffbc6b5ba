using System.CommandLine;
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
            await using var host = await CliHost.OpenAsync(result, context, ct);
            var done = await host.Workspace.Retrieval.ReindexAsync(ct);
            if (result.GetValue(json))
            {
                JsonOut.Write(context.Out, done);
            }
            else
            {
                context.Out.WriteLine($"index of '{done.Org}' rebuilt: {done.Incidents:N0} incidents in {done.Seconds:0.0} s");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using Hindsight.Agents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hindsight.Cli.Commands;

/// <summary><c>hindsight mcp</c>: the engine's tools, resources and prompts for an assistant, over the Model Context Protocol on stdio.</summary>
internal static class McpCommand
{
    public static Command Create(CliContext context)
    {
        var allowWrites = new Option<bool>("--allow-writes")
        {
            Description = "Let the assistant record incidents, timeline entries, hypotheses and feedback (read-only without it)",
        };
        var command = new Command("mcp", "Serve this store to an assistant over the Model Context Protocol on stdin/stdout (docs/agents.md)") { allowWrites };
        command.SetAction(async (result, ct) =>
        {
            await using var host = result.GetValue(allowWrites)
                ? await CliHost.OpenAsync(result, context, ct)
                : await CliHost.OpenForReadingAsync(result, context, ct);
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace); // stdout carries the protocol alone
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton<IAgentAccess>(new FixedAgentAccess(host.Workspace, result.GetValue(allowWrites)));
            builder.Services.AddMcpServer(o =>
                {
                    o.ServerInfo = new() { Name = "hindsight", Version = typeof(McpCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" };
                    o.ServerInstructions = AgentServer.Instructions;
                })
                .WithStdioServerTransport()
                .WithHindsightAgents();
            using var app = builder.Build();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var following = host.Engine.FollowChangesAsync(TimeSpan.FromSeconds(2), cancellationToken: stop.Token); // what other processes write shows up here
            await app.RunAsync(ct);
            await stop.CancelAsync();
            try
            {
                await following;
            }
            catch (OperationCanceledException)
            {
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}

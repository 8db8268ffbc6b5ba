using System.CommandLine;
using Hindsight.Cli.Commands;
using Hindsight.Cli.Commands.Retrieval;
using Hindsight.Cli.Commands.Risk;
using Hindsight.Errors;
using Hindsight.Storage;

namespace Hindsight.Cli;

/// <summary>The <c>hindsight</c> command line: parses, runs a command, and turns failures into clear messages and exit codes.</summary>
internal static class HindsightCli
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("Hindsight — learn from your incident history: ingest it, search it, measure how fast you learn.")
        {
            GlobalOptions.Store, GlobalOptions.Db, GlobalOptions.Org,
        };
        foreach (var command in Commands(context))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    private static IEnumerable<Command> Commands(CliContext context) =>
    [
        DemoCommand.Create(context),
        IngestCommand.Create(context),
        ListCommand.Create(context),
        ShowCommand.Create(context),
        StatsCommand.Create(context),
        ExportCommand.Create(context),
        GenerateCommand.Create(context),
        BackupCommands.Backup(context),
        BackupCommands.Restore(context),
        CheckCommand.Create(context),
        SimilarCommand.Create(context),
        SuggestCommand.Create(context),
        FeedbackCommand.Create(context),
        TrainCommand.Create(context),
        WeightsCommand.Create(context),
        ReindexCommand.Create(context),
        VectorsCommand.Create(context),
        DriftCommand.Create(context),
        RisksCommand.Create(context),
        AlertsCommand.Create(context),
        SilosCommand.Create(context),
        DrillCommand.Create(context),
        GraphCommand.Create(context),
        MetricsCommand.Create(context),
        ClassifyCommand.Create(context),
        ConfirmCommand.Create(context),
        SurveyCommand.Create(context),
        PostmortemCommands.Draft(context),
        PostmortemCommands.Review(context),
        ResponseCommands.Hypothesis(context),
        ResponseCommands.Timeline(context),
        PatternsCommand.Create(context),
        ReportCommand.Create(context),
        BenchCommand.Create(context),
        EvalCommand.Create(context),
        ServeCommand.Create(context),
        McpCommand.Create(context),
        KeysCommand.Create(context),
        SettingsCommand.Create(context),
    ];

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = Build(context);
        var parsed = root.Parse(args.Length == 0 ? ["--help"] : args);
        var config = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };
        if (parsed.CommandResult.Command.Name is "serve" or "mcp")
        {
            // Their host drains in-flight requests on SIGTERM (up to its shutdown timeout); the parser's own handler
            // would end the process two seconds after the signal, in the middle of an acknowledged batch.
            config.ProcessTerminationTimeout = null;
        }

        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                context.Error.WriteLine("error: " + error.Message);
            }

            var path = string.Join(' ', CommandPath(parsed.CommandResult.Command));
            context.Error.WriteLine(path.Length == 0 ? "see 'hindsight --help'" : $"see 'hindsight {path} --help'");
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(config, cancellationToken);
        }
        catch (UserError ex)
        {
            context.Error.WriteLine("error: " + ex.Message);
            return ex.ExitCode;
        }
        catch (Exception caught) when ((caught as HindsightException ?? StoreFaults.Translate(caught)) is { } ex)
        {
            context.Error.WriteLine("error: " + ErrorText.Of(ex.Error, parsed.CommandResult.Command));
            return ErrorText.ExitCodeOf(ex.Error);
        }
        catch (FileNotFoundException ex)
        {
            context.Error.WriteLine($"error: {ex.FileName ?? ex.Message}: no such file");
            return ExitCodes.NotFound;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine("error: " + ex.Message);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("cancelled; everything committed before the cancellation is stored");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (string.IsNullOrEmpty(context.Environment("HINDSIGHT_DEBUG")))
        {
            context.Error.WriteLine($"internal error: {ex.GetType().Name}: {ex.Message}");
            context.Error.WriteLine("this is a bug in hindsight; please report it with the command you ran (HINDSIGHT_DEBUG=1 shows the details)");
            return ExitCodes.Failure;
        }
    }

    private static List<string> CommandPath(Command command)
    {
        var names = new List<string>();
        for (var c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            if (c is not RootCommand)
            {
                names.Insert(0, c.Name);
            }
        }

        return names;
    }
}

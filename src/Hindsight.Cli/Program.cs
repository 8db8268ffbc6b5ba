using Hindsight.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await HindsightCli.RunAsync(args, CliContext.FromProcess(), cancel.Token);

namespace Hindsight.Cli;

/// <summary>A mistake of the user's, reported as one clear message and an exit code, never a stack trace.</summary>
internal sealed class UserError(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

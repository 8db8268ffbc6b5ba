namespace Hindsight.Cli;

/// <summary>A mistake in the command line itself (a missing or conflicting option, a file that is not there), reported as one message and an exit code.</summary>
internal sealed class UserError(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>The path when the file exists; otherwise the error every command gives for a missing file (exit 5).</summary>
    public static string RequireFile(string path) =>
        File.Exists(path) ? path : throw new UserError($"{path}: no such file", ExitCodes.NotFound);
}

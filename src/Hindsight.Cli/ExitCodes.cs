namespace Hindsight.Cli;

/// <summary>The exit codes of <c>hindsight</c> (documented in docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked was done.</summary>
    public const int Ok = 0;

    /// <summary>An unexpected failure (a bug or a broken environment).</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;

    /// <summary>Some input records were rejected; the valid ones were stored.</summary>
    public const int SomeRejected = 3;

    /// <summary><c>--strict</c>: an input file had rejected records, so nothing of it was stored.</summary>
    public const int RolledBack = 4;

    /// <summary>A file or an incident that was named does not exist.</summary>
    public const int NotFound = 5;

    /// <summary>The store cannot be opened or written, or a backup is damaged.</summary>
    public const int StoreError = 6;

    /// <summary><c>check</c> found integrity problems.</summary>
    public const int IntegrityProblems = 7;

    /// <summary>An input file (data, rules, register) is not valid; nothing was done with it.</summary>
    public const int BadInput = 8;

    /// <summary>Some alert notifications could not be delivered after retries (they are logged).</summary>
    public const int NotificationsFailed = 9;

    /// <summary>A postmortem review found checks the postmortem does not meet.</summary>
    public const int ReviewFindings = 10;

    /// <summary>A command that only reads named a store that does not exist (nothing was created).</summary>
    public const int NoStore = 11;
}

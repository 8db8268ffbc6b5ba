using System.CommandLine;
using Hindsight.Organisations;

namespace Hindsight.Cli;

/// <summary>The options every command takes: which store and which organisation.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Store = new("--store")
    {
        Description = "Folder of the embedded SQLite store (default: $LEARNING_STORAGE_DIR, else the user's data folder)",
        Recursive = true,
    };

    public static readonly Option<string?> Db = new("--db")
    {
        Description = "PostgreSQL connection string (default: $HINDSIGHT_DB); wins over --store",
        Recursive = true,
    };

    public static readonly Option<string> Org = new("--org")
    {
        Description = "Organisation whose history to read and write (" + Organisation.Expected + ")",
        DefaultValueFactory = _ => "default",
        Recursive = true,
    };

    public static Option<bool> Json() => new("--json") { Description = "Write JSON to standard output instead of a table" };
}

using System.CommandLine;
using System.Text.RegularExpressions;
using Hindsight.Storage;

namespace Hindsight.Cli;

/// <summary>The options every command takes: which store and which organisation.</summary>
internal static partial class GlobalOptions
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
        Description = "Organisation whose history to read and write",
        DefaultValueFactory = _ => "default",
        Recursive = true,
    };

    public static Option<bool> Json() => new("--json") { Description = "Write JSON to standard output instead of a table" };

    public static StoreOptions StoreOptionsOf(ParseResult result, CliContext context) => new(
        result.GetValue(Store) ?? context.Environment("LEARNING_STORAGE_DIR"),
        result.GetValue(Db) ?? context.Environment("HINDSIGHT_DB"));

    public static string OrgOf(ParseResult result)
    {
        var org = result.GetValue(Org) ?? "default";
        return OrgName().IsMatch(org)
            ? org
            : throw new UserError($"--org '{org}' is not a valid organisation name; expected 1-100 letters, digits, '.', '_' or '-'");
    }

    public static async Task<IHistoryStore> OpenStoreAsync(ParseResult result, CliContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await StoreOptionsOf(result, context).OpenAsync(cancellationToken);
        }
        catch (StoreException ex)
        {
            throw new UserError(ex.Message, ExitCodes.StoreError);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex OrgName();
}

using System.CommandLine;
using System.Text;
using Hindsight.Errors;

namespace Hindsight.Cli;

/// <summary>The command line's rendering of the engine's errors: option names for request fields, hints in its own terms, and exit codes.</summary>
internal static class ErrorText
{
    /// <summary>The message: <c>--option: what is wrong; expected …; what to do</c> (or <c>file:line: field: …</c> for input files).</summary>
    public static string Of(HindsightError error, Command command)
    {
        var text = new StringBuilder();
        if (error.Source is not null)
        {
            text.Append(error.Source).Append(error.Line is > 0 ? $":{error.Line}" : "").Append(": ");
        }

        if (!string.IsNullOrEmpty(error.Field))
        {
            text.Append(error.Source is null ? OptionOf(error.Field, command) : error.Field).Append(": ");
        }

        text.Append(error.Message);
        if (error.Expected is not null)
        {
            text.Append("; expected ").Append(error.Expected);
        }

        if (error.Remedy is not null)
        {
            text.Append("; ").Append(error.Remedy);
        }

        if (Hint(error.Code) is { } hint)
        {
            text.Append(" (").Append(hint).Append(')');
        }

        return text.ToString();
    }

    /// <summary>
    /// The exit code of docs/cli.md: a bad option or argument is a usage error (2), a bad input file or record 8,
    /// something named that is not there 5, a conflict with what is stored 2, a store that cannot be used 6.
    /// </summary>
    public static int ExitCodeOf(HindsightError error) => error.Kind switch
    {
        _ when error.Code == "damaged_backup" => ExitCodes.StoreError,
        _ when error.Code == "no_store" => ExitCodes.NoStore,
        ErrorKind.BadInput when error.Source is null && error.Field is not null => ExitCodes.Usage,
        ErrorKind.BadInput => ExitCodes.BadInput,
        ErrorKind.NotFound => ExitCodes.NotFound,
        ErrorKind.Conflict => ExitCodes.Usage,
        _ => ExitCodes.StoreError,
    };

    /// <summary>The option a request field comes from (<c>window_hours</c> → <c>--window-hours</c>), when the command has it.</summary>
    private static string OptionOf(string field, Command command)
    {
        var name = "--" + field.Replace('_', '-');
        for (var c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            if (c.Options.Any(o => o.Name == name || o.Aliases.Contains(name)))
            {
                return name;
            }
        }

        return field;
    }

    private static string? Hint(string? code) => code switch
    {
        "not_a_number" => "--categorical compares a column as categories",
        "damaged_backup" => "restore an earlier backup",
        "replace_needed" => "add --force to do so",
        _ => null,
    };
}

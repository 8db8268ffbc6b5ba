using System.CommandLine;

namespace Hindsight.Cli.Commands.Risk;

/// <summary><c>hindsight risks …</c>: the organisation's risk register, kept in the store beside its incidents.</summary>
internal static partial class RisksCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("risks", "The risk register: list, show, add, update, import, export, review, the matrix heat map, and what incidents say about each risk");
        foreach (var sub in new[] { List(context), Show(context), Add(context), Update(context), Import(context), Export(context), Review(context), Matrix(context), Assess(context) })
        {
            command.Subcommands.Add(sub);
        }

        return command;
    }
}

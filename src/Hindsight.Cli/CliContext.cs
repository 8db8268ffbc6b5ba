using Spectre.Console;

namespace Hindsight.Cli;

/// <summary>What a command needs from its environment: output streams, terminal facts, variables and a clock.</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, bool outputIsTerminal, bool errorIsTerminal, Func<string, string?> environment, TimeProvider clock)
    {
        Out = output;
        Error = error;
        ErrorIsTerminal = errorIsTerminal;
        Environment = environment;
        Clock = clock;
        NoColor = !string.IsNullOrEmpty(environment("NO_COLOR"));
        var color = outputIsTerminal && !NoColor;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = color ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!outputIsTerminal)
        {
            Console.Profile.Width = 160;
        }
    }

    /// <summary>Standard output: results.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error: progress, warnings and errors.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether standard error is a terminal (progress redraws in place there).</summary>
    public bool ErrorIsTerminal { get; }

    /// <summary>Whether <c>NO_COLOR</c> is set.</summary>
    public bool NoColor { get; }

    /// <summary>Reads an environment variable.</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Clock { get; }

    /// <summary>Spectre console over standard output, for tables (plain when redirected or NO_COLOR).</summary>
    public IAnsiConsole Console { get; }

    /// <summary>The context of the real process.</summary>
    public static CliContext FromProcess() => new(
        System.Console.Out, System.Console.Error, !System.Console.IsOutputRedirected, !System.Console.IsErrorRedirected,
        System.Environment.GetEnvironmentVariable, TimeProvider.System);
}

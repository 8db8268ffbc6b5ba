namespace Hindsight.Import;

/// <summary>An input file that cannot be used (drift data, alert rules, metric samples), with where and what was expected.</summary>
/// <param name="message">The whole message, as <c>file:line: field: what is wrong; what to do</c>.</param>
public sealed class InputException(string message) : Exception(message)
{
    /// <summary>A problem at a place in a file (line 0: the file as a whole).</summary>
    public static InputException At(string file, int line, string field, string what) =>
        new($"{(line > 0 ? $"{file}:{line}" : file)}: {(field.Length > 0 ? field + ": " : "")}{what}");
}

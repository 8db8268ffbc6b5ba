namespace Hindsight.Errors;

/// <summary>An input file that cannot be used (drift data, alert rules, metric samples, answers), with where and what was expected.</summary>
/// <param name="error">The problem, with its file, line and field.</param>
public sealed class InputException(HindsightError error) : HindsightException(error)
{
    /// <summary>A problem at a place in a file (line 0: the file as a whole); <paramref name="what"/> says what is wrong and what to do.</summary>
    public static InputException At(string file, int line, string field, string what, string? code = null) =>
        new(new HindsightError(ErrorKind.BadInput, what) { Source = file, Line = line > 0 ? line : null, Field = field.Length > 0 ? field : null, Code = code });
}

namespace Hindsight.Drift;

/// <summary>A drift input that cannot be used, with where and what was expected.</summary>
/// <param name="message">The whole message, as <c>file:line: column: what is wrong; what to do</c>.</param>
public sealed class DriftInputException(string message) : Exception(message)
{
    /// <summary>A problem at a place in a file.</summary>
    public static DriftInputException At(string file, int line, string column, string what) =>
        new($"{file}:{line}: {column}: {what}");
}

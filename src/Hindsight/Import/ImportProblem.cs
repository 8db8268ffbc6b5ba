namespace Hindsight.Import;

/// <summary>One problem with one input record: where it is, which field, what was expected.</summary>
/// <param name="File">The input file.</param>
/// <param name="Line">The 1-based line the record starts on (0 when the problem concerns the whole file).</param>
/// <param name="Field">The field, as named in the canonical format; empty for the whole record.</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record ImportProblem(string File, int Line, string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        return Field.Length == 0 ? $"{where}: {Message}" : $"{where}: {Field}: {Message}";
    }
}

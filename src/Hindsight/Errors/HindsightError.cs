using System.Text;

namespace Hindsight.Errors;

/// <summary>
/// An expected failure, described for a person: what went wrong, where (file and line, or the request field), what was
/// expected and what to do. The wording names no interface: each one renders it in its own terms.
/// </summary>
/// <param name="Kind">The kind of failure.</param>
/// <param name="Message">What is wrong.</param>
public sealed record HindsightError(ErrorKind Kind, string Message)
{
    /// <summary>The request field or record field at fault, as named in JSON (<c>top</c>, <c>started_at</c>); null for the request as a whole.</summary>
    public string? Field { get; init; }

    /// <summary>What was expected instead, when that can be said.</summary>
    public string? Expected { get; init; }

    /// <summary>What to do about it, when that can be said.</summary>
    public string? Remedy { get; init; }

    /// <summary>A stable name of the problem for programs, and for hints an interface adds in its own terms (e.g. <c>not_a_number</c>).</summary>
    public string? Code { get; init; }

    /// <summary>The input the problem is in (a file name), when there is one.</summary>
    public string? Source { get; init; }

    /// <summary>The 1-based line in <see cref="Source"/>, when known.</summary>
    public int? Line { get; init; }

    /// <summary>The whole description: <c>source:line: field: message; expected …; remedy</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Source is not null)
        {
            text.Append(Source).Append(Line is > 0 ? $":{Line}" : "").Append(": ");
        }

        if (!string.IsNullOrEmpty(Field))
        {
            text.Append(Field).Append(": ");
        }

        text.Append(Message);
        if (Expected is not null)
        {
            text.Append("; expected ").Append(Expected);
        }

        if (Remedy is not null)
        {
            text.Append("; ").Append(Remedy);
        }

        return text.ToString();
    }
}

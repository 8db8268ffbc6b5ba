using Hindsight.History;
using Hindsight.Validation;

namespace Hindsight.Import;

/// <summary>One record read from an input, valid or not.</summary>
/// <param name="Line">The 1-based line the record starts on.</param>
/// <param name="Record">The record, when it could be read and passed validation.</param>
/// <param name="Errors">Why it was rejected; empty when <paramref name="Record"/> is set.</param>
/// <param name="Raw">The input text of the record (clipped), kept for the rejects file.</param>
public sealed record ParsedRecord(int Line, HistoryRecord? Record, IReadOnlyList<ValidationError> Errors, string? Raw = null)
{
    /// <summary>The record's canonical JSON (without <c>org</c>), when the reader already produced it on a parallel thread.</summary>
    public byte[]? Document { get; init; }

    /// <summary>Whether the record may be stored.</summary>
    public bool IsValid => Record is not null && Errors.Count == 0;

    /// <summary>A valid record.</summary>
    public static ParsedRecord Valid(int line, HistoryRecord record) => new(line, record, []);

    /// <summary>A rejected record with one error.</summary>
    public static ParsedRecord Invalid(int line, string field, string message, string? raw = null) =>
        new(line, null, [new ValidationError(field, message)], raw);
}

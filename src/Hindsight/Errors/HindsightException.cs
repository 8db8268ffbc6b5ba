namespace Hindsight.Errors;

/// <summary>Carries an expected failure (<see cref="HindsightError"/>) out of the engine to the interface that reports it.</summary>
public class HindsightException : Exception
{
    /// <summary>Creates the exception for an error.</summary>
    public HindsightException(HindsightError error)
        : base((error ?? throw new ArgumentNullException(nameof(error))).ToString())
    {
        Error = error;
    }

    /// <summary>Creates the exception for an error and the exception that caused it.</summary>
    public HindsightException(HindsightError error, Exception innerException)
        : base((error ?? throw new ArgumentNullException(nameof(error))).ToString(), innerException)
    {
        Error = error;
    }

    /// <summary>The error.</summary>
    public HindsightError Error { get; }

    /// <summary>A bad value of a request field.</summary>
    public static HindsightException BadInput(string field, string message, string? expected = null, string? remedy = null) =>
        new(new HindsightError(ErrorKind.BadInput, message) { Field = field, Expected = expected, Remedy = remedy });

    /// <summary>Something named that does not exist.</summary>
    public static HindsightException NotFound(string message, string? remedy = null, string? field = null) =>
        new(new HindsightError(ErrorKind.NotFound, message) { Remedy = remedy, Field = field });

    /// <summary>A request that contradicts what is stored.</summary>
    public static HindsightException Conflict(string message, string? remedy = null, string? field = null) =>
        new(new HindsightError(ErrorKind.Conflict, message) { Remedy = remedy, Field = field });

    /// <summary>A dependency that cannot be used now.</summary>
    public static HindsightException Unavailable(string message, string? remedy = null, Exception? cause = null)
    {
        var error = new HindsightError(ErrorKind.Unavailable, message) { Remedy = remedy };
        return cause is null ? new HindsightException(error) : new HindsightException(error, cause);
    }
}

using Hindsight.Errors;

namespace Hindsight.Storage;

/// <summary>The store cannot be opened or used (an <see cref="ErrorKind.Unavailable"/> error); the message says why and what to do.</summary>
public sealed class StoreException : HindsightException
{
    /// <summary>Creates the exception.</summary>
    public StoreException()
        : this("the store cannot be used")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StoreException(string message)
        : base(new HindsightError(ErrorKind.Unavailable, message))
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StoreException(string message, Exception innerException)
        : base(new HindsightError(ErrorKind.Unavailable, message), innerException)
    {
    }
}

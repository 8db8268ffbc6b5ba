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

    /// <summary>Creates the exception for a store that was to be read but does not exist (an error of code <c>no_store</c>).</summary>
    public StoreException(HindsightError error)
        : base(error)
    {
    }

    /// <summary>The error of a read that names a store that does not exist: nothing is created.</summary>
    public static StoreException NoStore(string where) => new(new HindsightError(ErrorKind.NotFound,
        $"no store at {where}; check the store folder (--store, LEARNING_STORAGE_DIR) or create one with 'hindsight ingest FILE' or 'hindsight demo'")
    { Code = "no_store" });

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StoreException(string message, Exception innerException)
        : base(new HindsightError(ErrorKind.Unavailable, message), innerException)
    {
    }
}

namespace Hindsight.Errors;

/// <summary>What kind of failure an expected error is; each interface maps it to its own signal (exit code, HTTP status, MCP error).</summary>
public enum ErrorKind
{
    /// <summary>The request or its input is not valid: a field, a file or a record is wrong.</summary>
    BadInput,

    /// <summary>Something named does not exist (or belongs to another organisation).</summary>
    NotFound,

    /// <summary>The request contradicts what is stored (it already exists, or it changed meanwhile).</summary>
    Conflict,

    /// <summary>The store or another dependency cannot be reached or used now; trying again later may work.</summary>
    Unavailable,

    /// <summary>The request's credentials (a key, a signature) are missing or wrong.</summary>
    Unauthenticated,
}

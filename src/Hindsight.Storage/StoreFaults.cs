using Hindsight.Errors;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hindsight.Storage;

/// <summary>
/// What a failure of the database means to the person who hit it: a full disk, a busy or unreachable store — each an
/// <see cref="ErrorKind.Unavailable"/> error that says what happened and that the failed write stored nothing (every
/// write is one transaction). Anything else (a bug) is not translated.
/// </summary>
public static class StoreFaults
{
    /// <summary>The code of a store whose disk is full.</summary>
    public const string Full = "store_full";

    /// <summary>The code of a store that cannot be reached or answers too slowly.</summary>
    public const string Unreachable = "store_unreachable";

    private const string NothingStored = "nothing of the failed request was stored";

    /// <summary>The error <paramref name="exception"/> (or an exception inside it) stands for; null when it is not a fault of the store.</summary>
    public static StoreException? Translate(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (Of(e) is { } error)
            {
                return new StoreException(error);
            }
        }

        return null;
    }

    private static HindsightError? Of(Exception e) => e switch
    {
        StoreException => null, // already said
        SqliteException { SqliteErrorCode: 13 } => new(ErrorKind.Unavailable, $"the disk holding the store is full; {NothingStored}")
        {
            Code = Full,
            Remedy = "free space on that disk (or move the store with 'hindsight backup' and 'restore'), then try again",
        },
        SqliteException { SqliteErrorCode: 5 or 6 } => new(ErrorKind.Unavailable, $"the store is busy with another writer; {NothingStored}")
        {
            Code = Unreachable,
            Remedy = "try again in a moment",
        },
        SqliteException { SqliteErrorCode: 8 or 10 or 14 } s => new(ErrorKind.Unavailable, $"the store's file cannot be written or read ({s.Message.TrimEnd('.')}); {NothingStored}")
        {
            Code = Unreachable,
            Remedy = "check the disk and the permissions of the store folder",
        },
        PostgresException p when !p.IsTransient && !p.SqlState.StartsWith("57P", StringComparison.Ordinal) && !p.SqlState.StartsWith("08", StringComparison.Ordinal)
            && !p.SqlState.StartsWith("53", StringComparison.Ordinal) => null, // the server answered: a wrong query is a bug, not an outage (57P: shutting down, 08: connection, 53: out of resources)
        NpgsqlException or TimeoutException => new(ErrorKind.Unavailable, $"the database cannot be reached ({e.Message.TrimEnd('.')}); {NothingStored}")
        {
            Code = Unreachable,
            Remedy = "try again shortly; check that the PostgreSQL server is running and reachable",
        },
        _ => null,
    };
}

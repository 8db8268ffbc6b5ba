using Hindsight.Errors;
using Hindsight.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hindsight.Storage.Tests;

/// <summary>Which database failures are the store's faults (503/507 at the edges), and which are bugs left alone.</summary>
public sealed class StoreFaultsTests
{
    [Fact]
    public void AFullDisk_IsStoreFull_ABusyOrUnreachableDatabase_IsUnreachable()
    {
        var full = StoreFaults.Translate(new SqliteException("database or disk is full", 13));
        var busy = StoreFaults.Translate(new InvalidOperationException("wrapped", new SqliteException("database is locked", 5)));
        var down = StoreFaults.Translate(new NpgsqlException("Failed to connect to 127.0.0.1:5432"));
        var shuttingDown = StoreFaults.Translate(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01"));

        Assert.Equal((ErrorKind.Unavailable, StoreFaults.Full), (full!.Error.Kind, full.Error.Code));
        Assert.Contains("nothing of the failed request was stored", full.Error.Message, StringComparison.Ordinal);
        Assert.Equal(StoreFaults.Unreachable, busy!.Error.Code);
        Assert.Equal(StoreFaults.Unreachable, down!.Error.Code);
        Assert.Equal(StoreFaults.Unreachable, shuttingDown!.Error.Code);
    }

    [Fact]
    public void AWrongQueryOrAnyOtherFailure_IsNotTranslated()
    {
        Assert.Null(StoreFaults.Translate(new PostgresException("syntax error at or near \"SELEC\"", "ERROR", "ERROR", "42601")));
        Assert.Null(StoreFaults.Translate(new SqliteException("UNIQUE constraint failed", 19)));
        Assert.Null(StoreFaults.Translate(new ArgumentException("a bug elsewhere")));
    }
}

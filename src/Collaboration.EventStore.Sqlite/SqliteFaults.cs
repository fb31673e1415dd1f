using Microsoft.Data.Sqlite;

namespace Collaboration.EventStore.Sqlite;

/// <summary>
/// Which SQLite failures are faults of the storage rather than of the request: the ones that pass when the disk has
/// room again, the file is writable or present again, or another process lets go of the lock (ADR 0017).
/// </summary>
public static class SqliteFaults
{
    private const int Perm = 3;
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Full = 13;
    private const int CantOpen = 14;

    /// <summary>True for a storage fault: disk full, read-only or unwritable file, I/O error, lock held elsewhere, file cannot be opened.</summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is StoreUnavailableException
        || (exception is SqliteException sqlite && (sqlite.SqliteErrorCode & 0xFF) is Perm or Busy or Locked or ReadOnly or IoError or Full or CantOpen);

    /// <summary>The exception a caller of the store should see: a storage fault as <see cref="StoreUnavailableException"/>, anything else as it is.</summary>
    public static Exception Translate(Exception exception) =>
        exception is SqliteException sqlite && IsUnavailable(sqlite)
            ? new StoreUnavailableException($"The event log cannot be written now: {sqlite.Message}", sqlite)
            : exception;
}

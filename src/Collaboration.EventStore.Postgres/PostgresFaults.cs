using System.Net.Sockets;
using Npgsql;

namespace Collaboration.EventStore.Postgres;

/// <summary>
/// Which PostgreSQL failures are faults of the database's availability rather than of the request: the server is down
/// or refuses connections, it is shutting down or terminated this backend, it has no connection slot left, it is a
/// read-only standby or in recovery, it ran out of disk. Each passes once the database is back, so callers answer 503
/// (ADR 0017, ADR 0021) — the same as the SQLite store's <c>SqliteFaults</c>.
/// </summary>
public static class PostgresFaults
{
    /// <summary>True for a fault of the database's availability (see the class summary).</summary>
    public static bool IsUnavailable(Exception? exception) => exception switch
    {
        null => false,
        StoreUnavailableException => true,
        PostgresException postgres => IsUnavailableState(postgres.SqlState),
        // Connecting failed, the connection broke, or the pool had no connection in time: no server answer to classify.
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException || IsUnavailable(npgsql.InnerException),
        SocketException => true,
        _ => false,
    };

    /// <summary>The exception a caller of the store should see: an availability fault as <see cref="StoreUnavailableException"/>, anything else as it is.</summary>
    public static Exception Translate(Exception exception) =>
        exception is not StoreUnavailableException && IsUnavailable(exception)
            ? new StoreUnavailableException($"The PostgreSQL database cannot be reached or written now: {exception.Message}", exception)
            : exception;

    /// <summary>Runs <paramref name="work"/>, translating an availability fault (<see cref="Translate"/>).</summary>
    public static async Task<T> GuardAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work();
        }
        catch (Exception e) when (e is not StoreUnavailableException && IsUnavailable(e))
        {
            throw Translate(e);
        }
    }

    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) // connection exception
        || state.StartsWith("57P", StringComparison.Ordinal) // admin_shutdown, crash_shutdown, cannot_connect_now, database_dropped
        || state.StartsWith("53", StringComparison.Ordinal) // insufficient resources: disk full, out of memory, too many connections
        || state is PostgresErrorCodes.ReadOnlySqlTransaction // a standby, or default_transaction_read_only
            or PostgresErrorCodes.AdminShutdown
            or PostgresErrorCodes.CannotConnectNow;
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace Collaboration.EventStore.Sqlite;

/// <summary>
/// Copies the WAL back into the database on a thread and a connection of its own, every
/// <see cref="SqliteEventStoreOptions.WalCheckpointInterval"/>, as a PASSIVE checkpoint: it waits for no reader or
/// writer, and no writer waits for it. SQLite's automatic checkpoint runs inside the COMMIT of whichever connection
/// crossed the threshold, and in this process that connection is a writer — the log's group commit, or a projection
/// batch holding the write gate — so every append and every push behind it waited for the copy of up to 40 MiB and its
/// fsync (ADR 0008, amendment of 2026-12-06). The automatic checkpoint stays, at <see cref="SqliteEventStoreOptions.WalAutoCheckpointPages"/>,
/// as the backstop for a WAL this thread could not keep small. Public so that the store benchmark's raw SQLite ceiling
/// checkpoints the same way (a store setting must not flatter the ratio).
/// </summary>
public sealed partial class SqliteWalCheckpointer : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly TimeSpan interval;
    private readonly ILogger logger;
    private readonly ManualResetEventSlim stopping = new(false);
    private readonly Thread thread;
    private long checkpoints;

    public SqliteWalCheckpointer(string connectionString, TimeSpan interval, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        this.interval = interval;
        this.logger = logger;
        connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            // The checkpoint fsyncs the WAL before copying and the database after, as the automatic one does.
            SqliteCommands.Execute(connection, "PRAGMA synchronous = FULL;");
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        // A thread of its own: the copy and its fsync block, and on two cores a blocked pool thread is half the pool.
        thread = new Thread(Run) { IsBackground = true, Name = "SQLite WAL checkpointer" };
        thread.Start();
    }

    /// <summary>Checkpoints so far that copied back every frame the WAL held.</summary>
    public long Checkpoints => Interlocked.Read(ref checkpoints);

    /// <summary>Stops the thread (after the checkpoint it may be running) and closes its connection.</summary>
    public void Dispose()
    {
        stopping.Set();
        thread.Join();
        connection.Dispose();
        stopping.Dispose();
    }

    private void Run()
    {
        while (!stopping.Wait(interval))
        {
            try
            {
                var rc = raw.sqlite3_wal_checkpoint_v2(connection.Handle, null, raw.SQLITE_CHECKPOINT_PASSIVE, out var frames, out var copied);
                // Passive: a reader still on older frames leaves them in the WAL for the next round (no failure, nothing to
                // log); only a full copy counts.
                if (rc == raw.SQLITE_OK)
                {
                    if (frames == copied)
                    {
                        Interlocked.Increment(ref checkpoints);
                    }
                }
                else if (rc != raw.SQLITE_BUSY && rc != raw.SQLITE_LOCKED)
                {
                    LogCheckpointFailed(logger, rc, raw.sqlite3_errmsg(connection.Handle).utf8_to_string());
                }
            }
            catch (Exception e) when (e is SqliteException or InvalidOperationException)
            {
                LogCheckpointThrew(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed with SQLite code {Code}: {Message}; the next one is tried after the interval.")]
    private static partial void LogCheckpointFailed(ILogger logger, int code, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint threw; the next one is tried after the interval.")]
    private static partial void LogCheckpointThrew(ILogger logger, Exception exception);
}

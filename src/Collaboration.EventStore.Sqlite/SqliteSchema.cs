using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Collaboration.EventStore.Sqlite;

/// <summary>
/// Idempotent, versioned migrations, all in one transaction. <c>position</c> is the rowid and is assigned by the
/// single writer as head + 1, so the log is dense by construction; <c>event_id</c> is UNIQUE so idempotency rests
/// on the schema. Streams are found through <c>stream_index</c> plus the small, append-only <c>stream_tail</c> of
/// entries not yet folded into it (ADR 0010).
/// </summary>
internal static partial class SqliteSchema
{
    private const int Chunk = 100_000;

    private delegate void Migration(SqliteConnection connection, SqliteTransaction tx, ILogger logger);

    private static readonly Migration[] Migrations =
    [
        (connection, tx, _) => Execute(connection, tx, """
            CREATE TABLE events (
                position  INTEGER PRIMARY KEY,
                event_id  BLOB    NOT NULL UNIQUE,
                stream    TEXT    NOT NULL,
                revision  INTEGER NOT NULL,
                type      TEXT    NOT NULL,
                data      BLOB    NOT NULL,
                metadata  BLOB    NOT NULL,
                timestamp INTEGER NOT NULL,
                hash      BLOB    NOT NULL,
                UNIQUE (stream, revision)
            );
            """),
        MoveStreamIndexOutOfTheLog,
    ];

    public static int CurrentVersion => Migrations.Length;

    public static void Migrate(SqliteConnection connection, TimeProvider time, ILogger logger)
    {
        using var tx = connection.BeginTransaction();
        Execute(connection, tx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);");

        var version = SqliteCommands.Scalar(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version;", tx) ?? 0;

        if (version > Migrations.Length)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {version}, newer than this build knows ({Migrations.Length}).");
        }

        for (var i = (int)version; i < Migrations.Length; i++)
        {
            Migrations[i](connection, tx, logger);
            using var record = connection.CreateCommand();
            record.Transaction = tx;
            record.CommandText = "INSERT INTO schema_version (version, applied_at) VALUES ($v, $at);";
            record.Parameters.AddWithValue("$v", i + 1);
            record.Parameters.AddWithValue("$at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            record.ExecuteNonQuery();
        }

        tx.Commit();
    }

    /// <summary>
    /// Version 2. The <c>UNIQUE (stream, revision)</c> index inside the log put every append on the index page of
    /// its stream, so a group commit of 64 streams rewrote 64 scattered pages. The log keeps its rows (and their
    /// hashes) unchanged, without that index; the stream index becomes a table of its own that the writer fills in
    /// bulk from an append-only tail. SQLite cannot drop a table constraint, so the log is copied, in chunks, with
    /// progress in the log, and the stream index filled from the copy.
    /// </summary>
    private static void MoveStreamIndexOutOfTheLog(SqliteConnection connection, SqliteTransaction tx, ILogger logger)
    {
        Execute(connection, tx, """
            CREATE TABLE events_v2 (
                position  INTEGER PRIMARY KEY,
                event_id  BLOB    NOT NULL UNIQUE,
                stream    TEXT    NOT NULL,
                revision  INTEGER NOT NULL,
                type      TEXT    NOT NULL,
                data      BLOB    NOT NULL,
                metadata  BLOB    NOT NULL,
                timestamp INTEGER NOT NULL,
                hash      BLOB    NOT NULL
            );
            CREATE TABLE stream_index (
                stream   TEXT    NOT NULL,
                revision INTEGER NOT NULL,
                position INTEGER NOT NULL,
                PRIMARY KEY (stream, revision)
            ) WITHOUT ROWID;
            CREATE TABLE stream_tail (
                position INTEGER PRIMARY KEY,
                stream   TEXT    NOT NULL,
                revision INTEGER NOT NULL
            );
            """);

        var head = SqliteCommands.ReadHeadPosition(connection, tx);
        if (head > 0)
        {
            LogMigrating(logger, head);
        }

        SqliteCommands.InPositionChunks(
            connection,
            tx,
            """
            INSERT INTO events_v2 SELECT position, event_id, stream, revision, type, data, metadata, timestamp, hash
            FROM events WHERE position > $from AND position <= $to ORDER BY position;
            """,
            head,
            Chunk,
            copied => LogCopied(logger, copied, head));
        Execute(connection, tx, "DROP TABLE events; ALTER TABLE events_v2 RENAME TO events;");
        FillStreamIndex(connection, tx, head, _ => { });
    }

    /// <summary>
    /// Fills the (empty) stream index from the log, a chunk of positions at a time, each chunk sorted by stream.
    /// Fails with SQLite's constraint error when the log holds one stream revision twice.
    /// </summary>
    internal static void FillStreamIndex(SqliteConnection connection, SqliteTransaction tx, long head, Action<long> done) =>
        SqliteCommands.InPositionChunks(
            connection,
            tx,
            """
            INSERT INTO stream_index (stream, revision, position)
                SELECT stream, revision, position FROM events WHERE position > $from AND position <= $to ORDER BY stream, revision;
            """,
            head,
            Chunk,
            done);

    private static void Execute(SqliteConnection connection, SqliteTransaction tx, string sql) =>
        SqliteCommands.Execute(connection, sql, tx);

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrating the event log to schema 2 (stream index out of the log): copying {Events} events once.")]
    private static partial void LogMigrating(ILogger logger, long events);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema 2 migration: {Copied} of {Events} events copied.")]
    private static partial void LogCopied(ILogger logger, long copied, long events);
}

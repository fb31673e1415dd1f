using Microsoft.Data.Sqlite;

namespace Collaboration.EventStore.Sqlite;

/// <summary>
/// Idempotent, versioned migrations. <c>position</c> is the rowid and is assigned by the single writer as
/// head + 1, so the log is dense by construction; <c>event_id</c> is UNIQUE so idempotency rests on the schema.
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
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
        """,
    ];

    public static int CurrentVersion => Migrations.Length;

    public static void Migrate(SqliteConnection connection, TimeProvider time)
    {
        using var tx = connection.BeginTransaction();
        using (var create = connection.CreateCommand())
        {
            create.Transaction = tx;
            create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);";
            create.ExecuteNonQuery();
        }

        long version;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
            version = (long)read.ExecuteScalar()!;
        }

        if (version > Migrations.Length)
        {
            throw new InvalidOperationException(
                $"The database is at schema version {version}, newer than this build knows ({Migrations.Length}).");
        }

        for (var i = (int)version; i < Migrations.Length; i++)
        {
            using var migrate = connection.CreateCommand();
            migrate.Transaction = tx;
            migrate.CommandText = Migrations[i] + "INSERT INTO schema_version (version, applied_at) VALUES ($v, $at);";
            migrate.Parameters.AddWithValue("$v", i + 1);
            migrate.Parameters.AddWithValue("$at", time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            migrate.ExecuteNonQuery();
        }

        tx.Commit();
    }
}

using Microsoft.Data.Sqlite;

namespace Collaboration.EventStore.Sqlite;

/// <summary>One-off statements on a connection, inside its open transaction when there is one.</summary>
internal static class SqliteCommands
{
    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static long? Scalar(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command.ExecuteScalar() is long value ? value : null;
    }

    /// <summary>The last position of the log (0 when empty).</summary>
    public static long ReadHeadPosition(SqliteConnection connection, SqliteTransaction? tx = null) =>
        Scalar(connection, "SELECT COALESCE(MAX(position), 0) FROM events;", tx) ?? 0;

    /// <summary>
    /// Runs <paramref name="sql"/> (with <c>$from</c> and <c>$to</c>, exclusive and inclusive) over positions 1 to
    /// <paramref name="head"/> in chunks of <paramref name="chunk"/>, reporting the last position done after each.
    /// </summary>
    public static void InPositionChunks(SqliteConnection connection, SqliteTransaction tx, string sql, long head, int chunk, Action<long> done)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        var from = command.Parameters.Add("$from", SqliteType.Integer);
        var to = command.Parameters.Add("$to", SqliteType.Integer);
        for (long position = 0; position < head; position += chunk)
        {
            from.Value = position;
            to.Value = position + chunk;
            command.ExecuteNonQuery();
            done(Math.Min(head, position + chunk));
        }
    }
}

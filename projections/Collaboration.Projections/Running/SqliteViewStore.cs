using Collaboration.EventStore.Sqlite;
using Microsoft.Data.Sqlite;

namespace Collaboration.Projections.Running;

/// <summary>
/// Read models in the event store's own SQLite file, so a document and the projection's checkpoint commit in one
/// transaction. Layout: <c>view_documents(projection, generation, key, position, scope, json)</c>,
/// <c>projection_checkpoints(projection, generation, position)</c> and <c>projection_active(projection, generation,
/// code_version)</c>. Queries read the active generation only, so a rebuild can fill the next one beside it.
/// </summary>
public sealed class SqliteViewStore(SqliteEventStore store) : IViewReader
{
    internal const string Schema = """
        CREATE TABLE IF NOT EXISTS view_documents (
            projection TEXT NOT NULL, generation INTEGER NOT NULL, key TEXT NOT NULL,
            position INTEGER NOT NULL, scope TEXT NOT NULL, json TEXT NULL,
            PRIMARY KEY (projection, generation, key)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS view_documents_by_position ON view_documents (position);
        CREATE TABLE IF NOT EXISTS projection_checkpoints (
            projection TEXT NOT NULL, generation INTEGER NOT NULL, position INTEGER NOT NULL,
            PRIMARY KEY (projection, generation)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS projection_active (
            projection TEXT NOT NULL PRIMARY KEY, generation INTEGER NOT NULL, code_version INTEGER NOT NULL) WITHOUT ROWID;
        """;

    private const string ActiveDocuments = """
        SELECT d.projection, d.key, d.position, d.scope, d.json FROM view_documents d
        JOIN projection_active a ON a.projection = d.projection AND a.generation = d.generation
        """;

    public SqliteEventStore EventStore => store;

    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = Schema;
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<StoredView?> GetAsync(string view, string key, CancellationToken ct = default)
    {
        var found = await QueryAsync($"{ActiveDocuments} WHERE d.projection = $view AND d.key = $key AND d.json IS NOT NULL", ct, ("$view", view), ("$key", key));
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<StoredView>> ListAsync(string view, IReadOnlySet<string>? audiences, CancellationToken ct = default)
    {
        var found = await QueryAsync($"{ActiveDocuments} WHERE d.projection = $view AND d.json IS NOT NULL ORDER BY d.key", ct, ("$view", view));
        return [.. found.Where(d => d.Scope.IsVisibleTo(audiences))];
    }

    public async Task<IReadOnlyList<StoredView>> ChangedSinceAsync(long sincePosition, IReadOnlySet<string>? audiences, CancellationToken ct = default)
    {
        var found = await QueryAsync($"{ActiveDocuments} WHERE d.position > $since ORDER BY d.position, d.projection, d.key", ct, ("$since", sincePosition));
        return [.. found.Where(d => d.Scope.IsVisibleTo(audiences))];
    }

    /// <summary>The active generation's checkpoint of a projection, or null when it never ran.</summary>
    public async Task<long?> ActiveCheckpointAsync(string projection, CancellationToken ct = default)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.position FROM projection_checkpoints c
            JOIN projection_active a ON a.projection = c.projection AND a.generation = c.generation
            WHERE c.projection = $p
            """;
        command.Parameters.AddWithValue("$p", projection);
        return await command.ExecuteScalarAsync(ct) is long position ? position : null;
    }

    private async Task<List<StoredView>> QueryAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var connection = await store.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = new List<StoredView>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(Read(reader));
        }

        return result;
    }

    internal static StoredView Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetInt64(2),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        ViewScope.Decode(reader.GetString(3)));
}

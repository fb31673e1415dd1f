using Microsoft.Data.Sqlite;

namespace Collaboration.Projections.Running;

/// <summary>
/// Writes one projection generation's documents inside the runner's open transaction and remembers what changed.
/// Documents touched in a batch are kept as objects until <see cref="FlushAsync"/>: a document that changes on every
/// event of the batch (a memorandum's progress while its commitments report) is read and written once per batch
/// instead of being parsed and re-serialised per event.
/// </summary>
internal sealed class SqliteViewWriter(SqliteConnection connection, SqliteTransaction transaction, string projection, long generation) : IViewWriter
{
    private readonly Dictionary<string, StoredView> changed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Pending> pending = new(StringComparer.Ordinal);

    public long Position { get; set; }

    public IReadOnlyCollection<StoredView> Changed => changed.Values;

    public async ValueTask<T?> GetAsync<T>(string key, CancellationToken ct) where T : class
    {
        if (pending.TryGetValue(key, out var held))
        {
            // Documents are immutable records, so handing out the held instance is safe.
            return held.Document switch
            {
                null => null,
                T typed => typed,
                var other => ViewJson.Deserialize<T>(ViewJson.Serialize(other)),
            };
        }

        await using var command = Command("SELECT json FROM view_documents WHERE projection = $p AND generation = $g AND key = $k");
        command.Parameters.AddWithValue("$k", key);
        return await command.ExecuteScalarAsync(ct) is string json ? ViewJson.Deserialize<T>(json) : null;
    }

    public async ValueTask PutAsync<T>(string key, T document, ViewScope scope, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(document);
        pending[key] = new Pending(document, scope, Position);
        await ValueTask.CompletedTask;
    }

    public async ValueTask DeleteAsync(string key, CancellationToken ct)
    {
        if (pending.TryGetValue(key, out var held))
        {
            pending[key] = held with { Document = null, Position = Position };
            return;
        }

        await using var command = Command("SELECT scope FROM view_documents WHERE projection = $p AND generation = $g AND key = $k");
        command.Parameters.AddWithValue("$k", key);
        if (await command.ExecuteScalarAsync(ct) is string scope)
        {
            pending[key] = new Pending(null, ViewScope.Decode(scope), Position);
        }
    }

    /// <summary>Writes the batch's documents; call before the checkpoint, inside the same transaction.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        foreach (var (key, held) in pending)
        {
            await WriteAsync(key, held.Document is null ? null : ViewJson.Serialize(held.Document, held.Document.GetType()), held.Scope, held.Position, ct);
        }

        pending.Clear();
    }

    private async Task WriteAsync(string key, string? json, ViewScope scope, long position, CancellationToken ct)
    {
        await using var command = Command("""
            INSERT INTO view_documents (projection, generation, key, position, scope, json) VALUES ($p, $g, $k, $pos, $scope, $json)
            ON CONFLICT (projection, generation, key) DO UPDATE SET position = excluded.position, scope = excluded.scope, json = excluded.json
            """);
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$pos", position);
        command.Parameters.AddWithValue("$scope", scope.Encode());
        command.Parameters.AddWithValue("$json", (object?)json ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
        changed[key] = new StoredView(projection, key, position, json, scope);
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", projection);
        command.Parameters.AddWithValue("$g", generation);
        return command;
    }

    private sealed record Pending(object? Document, ViewScope Scope, long Position);
}

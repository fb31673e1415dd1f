using Microsoft.Data.Sqlite;

namespace Collaboration.Projections.Running;

/// <summary>Writes one projection generation's documents inside the runner's open transaction and remembers what changed.</summary>
internal sealed class SqliteViewWriter(SqliteConnection connection, SqliteTransaction transaction, string projection, long generation) : IViewWriter
{
    private readonly Dictionary<string, StoredView> changed = new(StringComparer.Ordinal);

    public long Position { get; set; }

    public IReadOnlyCollection<StoredView> Changed => changed.Values;

    public async ValueTask<T?> GetAsync<T>(string key, CancellationToken ct) where T : class
    {
        await using var command = Command("SELECT json FROM view_documents WHERE projection = $p AND generation = $g AND key = $k");
        command.Parameters.AddWithValue("$k", key);
        return await command.ExecuteScalarAsync(ct) is string json ? ViewJson.Deserialize<T>(json) : null;
    }

    public async ValueTask PutAsync<T>(string key, T document, ViewScope scope, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(scope);
        var json = ViewJson.Serialize(document);
        await WriteAsync(key, json, scope, ct);
    }

    public async ValueTask DeleteAsync(string key, CancellationToken ct)
    {
        await using var command = Command("SELECT scope FROM view_documents WHERE projection = $p AND generation = $g AND key = $k");
        command.Parameters.AddWithValue("$k", key);
        if (await command.ExecuteScalarAsync(ct) is string scope)
        {
            await WriteAsync(key, null, ViewScope.Decode(scope), ct);
        }
    }

    private async Task WriteAsync(string key, string? json, ViewScope scope, CancellationToken ct)
    {
        await using var command = Command("""
            INSERT INTO view_documents (projection, generation, key, position, scope, json) VALUES ($p, $g, $k, $pos, $scope, $json)
            ON CONFLICT (projection, generation, key) DO UPDATE SET position = excluded.position, scope = excluded.scope, json = excluded.json
            """);
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$pos", Position);
        command.Parameters.AddWithValue("$scope", scope.Encode());
        command.Parameters.AddWithValue("$json", (object?)json ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
        changed[key] = new StoredView(projection, key, Position, json, scope);
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
}

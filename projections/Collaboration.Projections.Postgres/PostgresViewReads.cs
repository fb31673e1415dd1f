using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Npgsql;

namespace Collaboration.Projections.Postgres;

/// <summary>Reads stored documents while a batch is applied; connects on the first read (most live batches read none).</summary>
internal sealed class PostgresViewReads(NpgsqlDataSource dataSource) : IViewDocumentReads
{
    internal const string SelectDocument = "SELECT json, scope FROM view_documents WHERE projection = $1 AND generation = $2 AND key = $3";

    private NpgsqlConnection? connection;

    public async ValueTask<StoredDocument?> ReadAsync(string projection, long generation, string key, CancellationToken ct)
    {
        connection ??= await dataSource.OpenConnectionAsync(ct);
        return await ReadAsync(connection, null, projection, generation, key, ct);
    }

    internal static async ValueTask<StoredDocument?> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string projection, long generation, string key, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(SelectDocument, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = projection });
        command.Parameters.Add(new NpgsqlParameter { Value = generation });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new StoredDocument(await reader.IsDBNullAsync(0, ct) ? null : reader.GetString(0), ViewScope.Decode(reader.GetString(1)));
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}

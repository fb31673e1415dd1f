using Collaboration.Testing.Postgres;
using Collaboration.EventStore;
using Collaboration.EventStore.Postgres;
using Collaboration.Testing.StoreContract;
using Npgsql;

namespace Collaboration.EventStore.Postgres.Tests;

/// <summary>A PostgreSQL store on a fresh database of its own; tampering goes through a plain connection to it.</summary>
public sealed class PostgresStoreFixture : IEventStoreFixture
{
    private string? database;

    public string ConnectionString { get; private set; } = "";

    public PostgresEventStoreOptions Options => new() { ConnectionString = ConnectionString };

    public async Task<IEventStore> OpenAsync(TimeProvider time) => await OpenAsync(time, Options);

    public async Task<PostgresEventStore> OpenAsync(TimeProvider time, PostgresEventStoreOptions options)
    {
        await EnsureDatabaseAsync();
        return await PostgresEventStore.OpenAsync(options with { ConnectionString = ConnectionString }, time);
    }

    public async Task EnsureDatabaseAsync()
    {
        // On a developer machine without a server the shared contract skips (README's test command still passes);
        // in CI there is no skip reason, and a missing server fails.
        Skip.If(PostgresTestServer.SkipReason is not null, PostgresTestServer.SkipReason);
        if (database is null)
        {
            (database, ConnectionString) = await PostgresTestServer.CreateDatabaseAsync();
        }
    }

    public async Task CorruptEventDataAsync(long position)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "UPDATE events SET data = set_byte(data, length(data) / 2, get_byte(data, length(data) / 2) # 1) WHERE position = $1;",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = position });
        (await command.ExecuteNonQueryAsync()).Should().Be(1);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (database is not null)
        {
            await PostgresTestServer.DropDatabaseAsync(database);
            database = null;
        }
    }
}

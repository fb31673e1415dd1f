using Collaboration.EventStore;
using Collaboration.EventStore.Sqlite;
using Collaboration.Testing.StoreContract;
using Microsoft.Data.Sqlite;

namespace Collaboration.EventStore.Tests;

/// <summary>A SQLite store on its own temporary file; tampering goes through a raw connection to that file.</summary>
public sealed class SqliteStoreFixture : IEventStoreFixture
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "collaboration-store-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(directory, "events.db");

    public SqliteEventStoreOptions Options => new() { Path = DatabasePath };

    public async Task<IEventStore> OpenAsync(TimeProvider time) => await SqliteEventStore.OpenAsync(Options, time);

    public async Task CorruptEventDataAsync(long position)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT data FROM events WHERE position = $p;";
        read.Parameters.AddWithValue("$p", position);
        var data = (byte[])(await read.ExecuteScalarAsync())!;
        data[data.Length / 2] ^= 0x01;
        await using var write = connection.CreateCommand();
        write.CommandText = "UPDATE events SET data = $d WHERE position = $p;";
        write.Parameters.AddWithValue("$d", data);
        write.Parameters.AddWithValue("$p", position);
        (await write.ExecuteNonQueryAsync()).Should().Be(1);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing the test for it would not be.
        }

        return ValueTask.CompletedTask;
    }
}

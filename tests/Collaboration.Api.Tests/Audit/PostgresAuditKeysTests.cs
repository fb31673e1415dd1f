using Collaboration.Audit.Postgres;
using Collaboration.Audit.Privacy;
using Collaboration.Domain.Kernel;
using Collaboration.EventStore;
using Collaboration.Storage;
using Collaboration.Testing.Postgres;

namespace Collaboration.Api.Tests.Audit;

/// <summary>ADR 0021: on PostgreSQL the keys are the database's, so every node (here: every store opened on it) shares them.</summary>
public sealed class PostgresAuditKeysTests
{
    [PostgresFact]
    public async Task two_nodes_on_one_database_seal_with_the_same_key_see_each_others_erasures_and_sign_with_the_same_key()
    {
        var (database, connectionString) = await PostgresTestServer.CreateDatabaseAsync();
        try
        {
            var settings = StoreSettings.FromTarget(connectionString);
            settings.Provider.Should().Be(StoreProvider.Postgres);
            using var nodeA = (PostgresPersonalKeyStore)AuditKeys.OpenKeyStore(settings, keysPath: null);
            using var nodeB = (PostgresPersonalKeyStore)AuditKeys.OpenKeyStore(settings, keysPath: null);
            var person = PersonId.New();

            var key = nodeA.GetOrCreate(person);
            nodeB.GetOrCreate(person).Should().Equal(key, "the second node finds the first node's key instead of making its own");
            nodeB.Delete(person).Should().BeTrue();
            await Task.Delay(PostgresPersonalKeyStore.RevalidateEvery * 2);
            nodeA.Find(person).Should().BeNull("an erasure on one node holds on the other within a quarter of a second");
            nodeA.Invoking(k => k.GetOrCreate(person)).Should().Throw<PersonErasedException>();

            using var signerA = AuditKeys.OpenSigner(settings, signingKeyPath: null);
            using var signerB = AuditKeys.OpenSigner(settings, signingKeyPath: null);
            signerB.KeyId.Should().Be(signerA.KeyId);
            var checkpoint = signerA.Sign(new ChainHead(7, new byte[32]), DateTimeOffset.UtcNow);
            signerB.HasValidSignature(checkpoint).Should().BeTrue("a checkpoint signed on one node verifies on another");
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public void a_connection_string_names_postgresql_and_anything_else_a_sqlite_file()
    {
        StoreSettings.FromTarget("Host=127.0.0.1;Port=5432;Database=collab;Username=postgres").Provider.Should().Be(StoreProvider.Postgres);
        StoreSettings.FromTarget("server=db.local;database=collab").Provider.Should().Be(StoreProvider.Postgres);
        var sqlite = StoreSettings.FromTarget("data/collaboration.db");
        sqlite.Provider.Should().Be(StoreProvider.Sqlite);
        sqlite.SqlitePath.Should().Be(Path.GetFullPath("data/collaboration.db"));
        StoreSettings.FromTarget("backups/a=b.db").Provider.Should().Be(StoreProvider.Sqlite, "an '=' in a file name does not make a connection string");
    }
}

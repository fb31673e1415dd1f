using Collaboration.Audit.Postgres;
using Collaboration.Audit.Privacy;
using Collaboration.Testing.Postgres;

namespace Collaboration.Api.Tests.Audit;

/// <summary>The key-store contract on PostgreSQL, each test on a fresh database (skipped without a server outside CI).</summary>
public sealed class PostgresPersonalKeyStoreContract : PersonalKeyStoreContract, IAsyncLifetime
{
    private string? database;
    private PostgresPersonalKeyStore? keys;

    protected override IPersonalKeyStore Keys
    {
        get
        {
            Skip.If(PostgresTestServer.SkipReason is not null, PostgresTestServer.SkipReason);
            return keys ?? throw new InvalidOperationException(PostgresTestServer.MissingMessage);
        }
    }

    public async Task InitializeAsync()
    {
        if (PostgresTestServer.SkipReason is not null)
        {
            return;
        }

        (database, var connectionString) = await PostgresTestServer.CreateDatabaseAsync();
        keys = PostgresPersonalKeyStore.Open(connectionString);
    }

    public async Task DisposeAsync()
    {
        if (keys is not null)
        {
            await keys.DisposeAsync();
        }

        if (database is not null)
        {
            await PostgresTestServer.DropDatabaseAsync(database);
        }
    }
}

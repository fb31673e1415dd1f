using Collaboration.Testing.StoreContract;

namespace Collaboration.EventStore.Postgres.Tests;

public sealed class PostgresEventStoreContract() : EventStoreContract(new PostgresStoreFixture());

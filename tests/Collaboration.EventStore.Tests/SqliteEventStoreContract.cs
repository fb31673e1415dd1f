using Collaboration.Testing.StoreContract;

namespace Collaboration.EventStore.Tests;

public sealed class SqliteEventStoreContract() : EventStoreContract(new SqliteStoreFixture());

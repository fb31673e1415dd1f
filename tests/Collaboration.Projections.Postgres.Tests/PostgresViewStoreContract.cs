using Collaboration.Testing.ViewStoreContract;

namespace Collaboration.Projections.Postgres.Tests;

public sealed class PostgresViewStoreContract() : ViewStoreContract(new PostgresViewStoreFixture());

using Collaboration.Testing.ViewStoreContract;

namespace Collaboration.Projections.Tests.Contract;

public sealed class SqliteViewStoreContract() : ViewStoreContract(new SqliteViewStoreFixture());

using Collaboration.Testing.ViewStoreContract;

namespace Collaboration.Projections.Tests.Contract;

public sealed class InMemoryViewStoreContract() : ViewStoreContract(new InMemoryViewStoreFixture());

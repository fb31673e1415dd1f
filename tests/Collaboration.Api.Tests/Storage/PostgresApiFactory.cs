using Collaboration.Api.Tests.Fixtures;

namespace Collaboration.Api.Tests.Storage;

/// <summary>The real app with <c>Store:Provider=Postgres</c> on the database <paramref name="connectionString"/> names.</summary>
public sealed class PostgresApiFactory(string connectionString) : ApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        .. base.Settings,
        new("Store:Provider", "Postgres"),
        new("ConnectionStrings:Postgres", connectionString),
    ];
}

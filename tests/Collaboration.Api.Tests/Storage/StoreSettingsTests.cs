using Collaboration.Storage;
using Microsoft.Extensions.Configuration;

namespace Collaboration.Api.Tests.Storage;

public sealed class StoreSettingsTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "collaboration-settings");

    private static StoreSettings From(params (string Key, string Value)[] values) =>
        StoreSettings.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build(),
            Root);

    [Fact]
    public void sqlite_under_the_content_root_is_the_default()
    {
        From().Should().Be(new StoreSettings(StoreProvider.Sqlite, Path.Combine(Root, "data", "collaboration.db"), null));
        From(("Store:Sqlite:Path", "x/log.db")).SqlitePath.Should().Be(Path.Combine(Root, "x", "log.db"));
    }

    [Fact]
    public void postgres_is_chosen_by_name_in_any_case_with_its_connection_string()
    {
        var settings = From(("Store:Provider", "postgres"), ("ConnectionStrings:Postgres", "Host=db;Database=collab"));

        settings.Provider.Should().Be(StoreProvider.Postgres);
        settings.PostgresConnectionString.Should().Be("Host=db;Database=collab");
        settings.ToString().Should().NotContain("Host=db", "the connection string may hold a password");
    }

    [Fact]
    public void postgres_without_a_connection_string_or_an_unknown_provider_stops_the_start_with_the_reason()
    {
        var missing = () => From(("Store:Provider", "Postgres"));
        var unknown = () => From(("Store:Provider", "Oracle"));

        missing.Should().Throw<InvalidOperationException>().WithMessage("*ConnectionStrings:Postgres*");
        unknown.Should().Throw<InvalidOperationException>().WithMessage("*'Oracle'*Sqlite or Postgres*");
    }
}

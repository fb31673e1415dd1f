using System.Net;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.EventStore;
using Collaboration.EventStore.Postgres;
using Collaboration.Projections.Postgres;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using Collaboration.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Collaboration.Api.Tests.Storage;

public sealed class PostgresHostTests
{
    [PostgresFact]
    public async Task the_tracker_runs_on_postgresql_from_configuration_alone_a_write_lands_in_the_log_and_its_view_is_read_back()
    {
        var (database, connectionString) = await PostgresTestServer.CreateDatabaseAsync();
        Guid partner;
        try
        {
            await using (var api = new PostgresApiFactory(connectionString))
            {
                api.Services.GetRequiredService<IEventStore>().Should().BeOfType<PostgresEventStore>();
                api.Services.GetRequiredService<IViewStore>().Should().BeOfType<PostgresViewStore>();

                partner = await api.RegisterPartnerAsync();
                var head = await api.Services.GetRequiredService<IEventStore>().ReadHeadPositionAsync();
                await api.Services.GetRequiredService<ProjectionRunner>().WaitForAsync(head).WaitAsync(TimeSpan.FromSeconds(30));

                var listed = await api.Office().GetAsync("/api/v1/partners");
                listed.StatusCode.Should().Be(HttpStatusCode.OK);
                (await listed.Content.ReadAsStringAsync()).Should().Contain(partner.ToString()).And.Contain("Hongkou District Commission of Commerce");
                (await api.CreateClient().GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
            }

            // The log and the view are in PostgreSQL itself, not in a file beside the app.
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM view_documents d JOIN projection_active a USING (projection, generation) WHERE d.projection = 'partners' AND d.key = $1)",
                connection);
            command.Parameters.Add(new NpgsqlParameter { Value = partner.ToString("D") });
            await using var reader = await command.ExecuteReaderAsync();
            (await reader.ReadAsync()).Should().BeTrue();
            reader.GetInt64(0).Should().BeGreaterThan(0);
            reader.GetInt64(1).Should().Be(1);
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(database);
        }
    }
}

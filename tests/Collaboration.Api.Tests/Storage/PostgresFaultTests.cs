using System.Net;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.EventStore;
using Collaboration.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Collaboration.Api.Tests.Storage;

/// <summary>ADR 0021 (after ADR 0017): a PostgreSQL database that cannot take writes answers 503 store.unavailable, and the app recovers by itself.</summary>
public sealed class PostgresFaultTests
{
    [PostgresFact]
    public async Task a_database_turned_read_only_answers_writes_503_with_retry_after_and_writes_pass_again_once_it_is_writable()
    {
        var (database, connectionString) = await PostgresTestServer.CreateDatabaseAsync();
        try
        {
            await using var api = new PostgresApiFactory(connectionString);
            var office = api.Office();
            await api.RegisterPartnerAsync();
            var store = api.Services.GetRequiredService<IEventStore>();
            var head = await store.ReadHeadPositionAsync();

            // New sessions start read-only; the sessions the app holds are ended, so it meets the change at once.
            await AdminAsync(connectionString, $"ALTER DATABASE {database} SET default_transaction_read_only = on;");
            await TerminateSessionsAsync(connectionString, database);

            var refused = await office.PostAsync("/api/v1/partners", Partner());
            var body = await refused.Content.ReadAsStringAsync();
            refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, body);
            refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            refused.Headers.RetryAfter.Should().NotBeNull();
            (await refused.ReadJsonAsync())["code"]!.GetValue<string>().Should().Be("store.unavailable");
            (await store.ReadHeadPositionAsync()).Should().Be(head, "a refused write moves nothing in the log");

            await AdminAsync(connectionString, $"ALTER DATABASE {database} RESET default_transaction_read_only;");
            await TerminateSessionsAsync(connectionString, database);
            HttpResponseMessage? passed = null;
            for (var attempt = 0; attempt < 20 && passed?.StatusCode != HttpStatusCode.Created; attempt++)
            {
                passed = await office.PostAsync("/api/v1/partners", Partner());
                passed.StatusCode.Should().BeOneOf([HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable], "a session broken by the termination is a 503, never a 500");
            }

            passed!.StatusCode.Should().Be(HttpStatusCode.Created, "the app recovers without a restart");
            (await store.ReadHeadPositionAsync()).Should().Be(head + 1);
            (await store.VerifyAsync()).IsValid.Should().BeTrue();
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(database);
        }
    }

    private static HttpContent Partner() => ApiJson.Body(new
    {
        kind = "ChamberOfCommerce",
        name = new { zh = "上海国际商会", en = "Shanghai International Chamber of Commerce" },
        contacts = Array.Empty<object>(),
        externalReference = (string?)null,
    });

    private static async Task AdminAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static Task TerminateSessionsAsync(string connectionString, string database) =>
        AdminAsync(connectionString, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid();");
}

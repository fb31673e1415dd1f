using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Collaboration.Testing.Postgres;
using Npgsql;

namespace Collaboration.EventStore.Postgres.Tests;

/// <summary>
/// ADR 0021: the database's availability faults reach the store's callers as <see cref="StoreUnavailableException"/>
/// (503 at the HTTP edge, ADR 0017), never as a raw Npgsql error, and the store recovers without being reopened.
/// </summary>
public sealed class PostgresFaultTests : IAsyncLifetime
{
    private readonly PostgresStoreFixture fixture = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => fixture.DisposeAsync().AsTask();

    [PostgresFact]
    public async Task a_store_pointed_at_a_port_nobody_listens_on_is_unavailable()
    {
        var port = ClosedPort();
        var options = new PostgresEventStoreOptions
        {
            ConnectionString = new NpgsqlConnectionStringBuilder(PostgresTestServer.Require()) { Port = port, Timeout = 2 }.ToString(),
        };

        var opening = () => PostgresEventStore.OpenAsync(options, TimeProvider.System);

        (await opening.Should().ThrowAsync<StoreUnavailableException>()).Which.InnerException.Should().BeAssignableTo<NpgsqlException>();
    }

    [PostgresFact]
    public async Task backends_terminated_during_writes_fail_those_appends_as_unavailable_and_later_appends_pass()
    {
        await using var store = await fixture.OpenAsync(TimeProvider.System, fixture.Options);
        var failures = new ConcurrentBag<Exception>();
        var acknowledged = 0;
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var stream = $"fault-{w}";
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await store.AppendAsync(stream, ExpectedRevision.Any, [new EventToAppend(Guid.NewGuid(), "fault.tested.v1", "{}"u8.ToArray(), new EventMetadata("test", "office"))]);
                    Interlocked.Increment(ref acknowledged);
                }
#pragma warning disable CA1031 // Every failure is collected and classified below.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failures.Add(e);
                }
            }
        })).ToList();

        // Terminate the store's sessions from a second connection until some appends have met it.
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(fixture.ConnectionString) { Pooling = false }.ToString()))
        {
            await admin.OpenAsync();
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (failures.IsEmpty && DateTime.UtcNow < deadline)
            {
                await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid();", admin);
                await terminate.ExecuteNonQueryAsync();
                await Task.Delay(20);
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);

        failures.Should().NotBeEmpty("terminating the sessions during writes fails some appends");
        failures.Should().AllBeOfType<StoreUnavailableException>("a terminated session is the database's fault, answered 503, not a bug");
        var head = await store.ReadHeadPositionAsync();
        var appended = await store.AppendAsync("fault-after", ExpectedRevision.NoStream, [new EventToAppend(Guid.NewGuid(), "fault.tested.v1", "{}"u8.ToArray(), new EventMetadata("test", "office"))]);
        appended.Should().BeOfType<AppendResult.Appended>().Which.FirstPosition.Should().Be(head + 1, "the store recovers by itself");
        (await store.VerifyAsync()).IsValid.Should().BeTrue();
        head.Should().BeGreaterThanOrEqualTo(acknowledged, "every acknowledged append is in the log");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

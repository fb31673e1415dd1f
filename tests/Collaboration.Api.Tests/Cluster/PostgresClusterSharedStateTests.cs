using System.Net;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Api.Tests.Imports;
using Collaboration.Testing.Postgres;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Cluster;

/// <summary>
/// What one node holds for a user between two requests is readable on the other (ADR 0029): an import previewed through
/// one node is confirmed through the other, and what one node's Data Protection protects (the dashboard's cookie) the
/// other unprotects. Two hosts in this process on one PostgreSQL database and one Redis, as behind a load balancer
/// without sticky sessions.
/// </summary>
public sealed class PostgresClusterSharedStateTests
{
    [ClusterFact]
    public async Task an_import_previewed_on_one_node_is_confirmed_on_the_other_and_the_key_ring_is_shared()
    {
        var (database, connectionString) = await PostgresTestServer.CreateDatabaseAsync();
        var prefix = "collab-test-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await using var first = new RedisNode(connectionString, prefix);
            await using var second = new RedisNode(connectionString, prefix);
            var tag = Guid.NewGuid().ToString("N")[..8];
            using var one = first.Office();
            using var two = second.Office();
            var file = await ImportUpload.FilledCsvAsync(one, "partners", "en", $"SHARED-{tag},ChamberOfCommerce,共享商会{tag},Shared Chamber {tag}");

            var preview = await ImportUpload.PreviewAsync(one, "partners", "partners.csv", file);
            preview.StatusCode.Should().Be(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
            var id = (await preview.ReadJsonAsync())["preview"]!.GetValue<Guid>();
            var confirmed = await two.PostAsync($"/api/v1/imports/{id}/confirm", null);
            confirmed.StatusCode.Should().Be(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
            var again = await one.PostAsync($"/api/v1/imports/{id}/confirm", null);
            again.StatusCode.Should().NotBe(HttpStatusCode.OK, "a confirmed preview is gone on every node");

            const string Purpose = "Collaboration.Tests.SharedKeyRing";
            var cookie = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("office.shared");
            second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(cookie).Should().Be("office.shared");
        }
        finally
        {
            await PostgresTestServer.DropDatabaseAsync(database);
        }
    }

    private sealed class RedisNode(string connectionString, string prefix) : ApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            .. base.Settings,
            new("Store:Provider", "Postgres"),
            new("ConnectionStrings:Postgres", connectionString),
            new("ConnectionStrings:Redis", RedisTestServer.Require()),
            new("SignalR:Redis:ChannelPrefix", prefix),
        ];
    }
}

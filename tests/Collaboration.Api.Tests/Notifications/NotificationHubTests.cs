using System.Collections.Concurrent;
using System.Net;
using Collaboration.Api.Modules.Notifications;
using Collaboration.Api.Tests.Fixtures;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collaboration.Api.Tests.Notifications;

public sealed class NotificationHubTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task the_bell_count_is_pushed_to_the_users_own_inbox_group_and_to_no_other_organisation()
    {
        var referrer = await api.RegisterPartnerAsync();
        var other = await api.RegisterPartnerAsync();
        await using var mine = await ConnectAsync(TestTokens.Partner(referrer));
        await using var theirs = await ConnectAsync(TestTokens.Partner(other));

        var @case = await api.OpenCaseAsync(referredBy: referrer);
        (await api.Office().PostAsync($"/api/v1/talent-cases/{@case}/assign", ApiJson.Body(new { department = "bureau", officer = "officer-hub" })))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (mine.Signals.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        mine.Signals.Should().ContainSingle().Which.Should().Be(new InboxSignal($"org:{referrer}", 1));
        await api.SettledAsync();
        await Task.Delay(200);
        theirs.Signals.Should().BeEmpty();
    }

    [Fact]
    public async Task a_connection_without_a_token_is_refused()
    {
        var connection = Build(token: null);
        var connecting = () => connection.StartAsync();
        await connecting.Should().ThrowAsync<HttpRequestException>();
    }

    private async Task<Client> ConnectAsync(string token)
    {
        var connection = Build(token);
        var client = new Client(connection);
        connection.On<InboxSignal>(nameof(INotificationClient.InboxChanged), s => client.Signals.Enqueue(s));
        await connection.StartAsync();
        return client;
    }

    private HubConnection Build(string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(api.Server.BaseAddress, NotificationHub.Path), options =>
            {
                options.HttpMessageHandlerFactory = _ => api.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();

    private sealed class Client(HubConnection connection) : IAsyncDisposable
    {
        public ConcurrentQueue<InboxSignal> Signals { get; } = new();

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Collaboration.Api.Live;
using Collaboration.Api.Modules.Notifications;
using Collaboration.Api.Visibility;
using Collaboration.Api.Tests.Fixtures;
using Collaboration.Domain.Commitments;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Visibility;
using Collaboration.Projections.Running;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Api.Tests.Live;

public sealed class StatusHubTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task a_partners_connection_never_receives_another_partners_change()
    {
        var a = PartnerId.New();
        var b = PartnerId.New();
        await using var partnerA = await ConnectAsync(TestTokens.Partner(a.Value));
        await using var partnerB = await ConnectAsync(TestTokens.Partner(b.Value));
        await using var office = await ConnectAsync(TestTokens.Office());
        var memorandum = MemorandumId.New();
        var onlyB = MemorandumId.New();
        var ofB = CommitmentId.New();
        var ofA = CommitmentId.New();

        await api.DraftMemorandumAsync(memorandum, a, b);
        await api.DraftMemorandumAsync(onlyB, b);
        await api.AcceptedCommitmentAsync(ofB, onlyB, b, new DateOnly(2025, 6, 30));
        var last = await api.AcceptedCommitmentAsync(ofA, memorandum, a, new DateOnly(2025, 6, 30));
        await api.WaitForViewsAsync(last);

        await partnerA.WaitForAsync(c => c.View == ViewNames.CommitmentDetail && c.Key == ofA.ToString());
        await partnerB.WaitForAsync(c => c.View == ViewNames.CommitmentDetail && c.Key == ofB.ToString());
        await office.WaitForAsync(c => c.View == ViewNames.CommitmentDetail && c.Key == ofA.ToString());
        partnerA.Received.Should().NotContain(c => c.Key == ofB.ToString() || c.Data.GetRawText().Contains(ofB.ToString(), StringComparison.Ordinal));
        partnerB.Received.Should().NotContain(c => c.Key == ofA.ToString());
        partnerB.Received.Where(c => c.Key != memorandum.ToString()).Should().NotContain(
            c => c.Data.GetRawText().Contains(ofA.ToString(), StringComparison.Ordinal), "only the shared memorandum's progress lists A's commitment");
        office.Received.Should().Contain(c => c.Key == ofB.ToString());
        partnerA.Received.Should().NotContain(c => c.Key == onlyB.ToString());
        partnerA.Received.Should().Contain(c => c.View == ViewNames.MemorandumProgress && c.Key == memorandum.ToString(), "both are parties of the shared memorandum");
    }

    [Fact]
    public async Task a_reconnecting_client_catches_up_on_everything_it_missed_and_nothing_of_others()
    {
        var a = PartnerId.New();
        var b = PartnerId.New();
        var memorandum = MemorandumId.New();
        var first = CommitmentId.New();
        long lastSeen;
        await using (var before = await ConnectAsync(TestTokens.Partner(a.Value)))
        {
            await api.DraftMemorandumAsync(memorandum, a);
            await api.AcceptedCommitmentAsync(first, memorandum, a, new DateOnly(2025, 6, 30));
            await before.WaitForAsync(c => c.View == ViewNames.CommitmentDetail && c.Key == first.ToString());
            lastSeen = before.Received.Max(c => c.Position);
        }

        var missed = CommitmentId.New();
        var othersMissed = CommitmentId.New();
        await api.AcceptedCommitmentAsync(missed, memorandum, a, new DateOnly(2025, 9, 30));
        var last = await api.AcceptedCommitmentAsync(othersMissed, MemorandumId.New(), b, new DateOnly(2025, 9, 30));
        await api.WaitForViewsAsync(last);

        await using var after = await ConnectAsync(TestTokens.Partner(a.Value));
        var page = await after.Connection.InvokeAsync<CatchUpPage>(StatusHubContract.CatchUp, lastSeen);
        var caughtUp = page.Changes;
        page.HasMore.Should().BeFalse();

        caughtUp.Should().Contain(c => c.View == ViewNames.CommitmentDetail && c.Key == missed.ToString());
        caughtUp.Should().NotContain(c => c.View == ViewNames.MemorandumProgress, "the memorandum's header did not change; its commitments are their own documents");
        caughtUp.Should().Contain(c => c.View == ViewNames.Activity).And.OnlyContain(c => c.Position > lastSeen);
        caughtUp.Should().NotContain(c => c.Key == othersMissed.ToString() || c.Data.GetRawText().Contains(othersMissed.ToString(), StringComparison.Ordinal));
        caughtUp.Select(c => c.Position).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task a_public_change_reaches_every_connection_exactly_once()
    {
        await using var office = await ConnectAsync(TestTokens.Office());
        await using var partner = await ConnectAsync(TestTokens.Partner(Guid.NewGuid()));
        var registered = PartnerId.New();

        await api.WaitForViewsAsync(await api.RegisteredPartnerAsync(registered, "Shanghai International Chamber of Commerce"));

        foreach (var client in new[] { office, partner })
        {
            await client.WaitForAsync(c => c.View == ViewNames.Partners && c.Key == registered.ToString());
            client.Received.Count(c => c.View == ViewNames.Partners && c.Key == registered.ToString()).Should().Be(1);
        }
    }

    [Fact]
    public async Task a_connection_in_a_documents_public_and_own_audience_gets_one_copy_its_own_audiences()
    {
        var scenario = await api.SignedMemorandumAsync();
        var reader = api.Services.GetRequiredService<IViewReader>();
        var key = scenario.Memorandum.ToString();
        var stored = await reader.GetAsync(ViewNames.MemorandumProgress, key);
        for (var waited = 0; stored is null && waited < 300; waited++)
        {
            await Task.Delay(50);
            stored = await reader.GetAsync(ViewNames.MemorandumProgress, key);
        }

        // As a published memorandum's progress is scoped (public and its parties); this scenario's is not published yet.
        var progress = stored! with { Scope = new ViewScope([ViewScope.Public, ViewScope.Organisation(scenario.PartnerA), ViewScope.Organisation(scenario.PartnerB)]) };
        await using var office = await ConnectAsync(TestTokens.Office());
        await using var party = await ConnectAsync(TestTokens.Partner(scenario.PartnerA));
        await using var outsider = await ConnectAsync(TestTokens.Partner(scenario.Outsider));
        foreach (var client in new[] { office, party, outsider })
        {
            // A hub method runs only after the connection joined its groups.
            await client.Connection.InvokeAsync<CatchUpPage>(StatusHubContract.CatchUp, progress.Position + 1);
        }

        // A public marker pushed after the document reaches every connection after the document's copies (a connection's
        // messages go out in the order their sends started), so once it is here every copy sent would be too.
        var directory = await reader.GetAsync(ViewNames.Partners, scenario.Outsider.ToString());
        var marker = directory! with { Key = "marker-" + Guid.NewGuid().ToString("N"), Position = progress.Position + 1 };

        await api.Services.GetRequiredService<ViewChangeFeed>().PublishAsync([progress, marker], CancellationToken.None);

        var documents = api.Services.GetRequiredService<DocumentVisibility>();
        foreach (var (client, viewer) in new[]
        {
            (office, Viewer.Office),
            (party, new Viewer(ViewerRole.Partner, Organisation: scenario.PartnerA)),
            (outsider, new Viewer(ViewerRole.Partner, Organisation: scenario.Outsider)),
        })
        {
            await client.WaitForAsync(c => c.View == ViewNames.Partners && c.Key == marker.Key);
            var copies = client.Received.Where(c => c.View == ViewNames.MemorandumProgress && c.Key == key && c.Position == progress.Position).ToList();
            copies.Should().ContainSingle();
            JsonNode.DeepEquals(JsonNode.Parse(copies[0].Data.GetRawText()), JsonNode.Parse(documents.Show(viewer, progress)!.Data.GetRawText()))
                .Should().BeTrue("each connection gets the copy its own audience may see");
        }

        documents.Show(new Viewer(ViewerRole.Partner, Organisation: scenario.Outsider), progress)!.Data.GetRawText()
            .Should().Be(documents.Show(Viewer.Public, progress)!.Data.GetRawText(), "the outsider is sent the public copy");
    }

    [Fact]
    public async Task pushes_carry_the_same_views_as_a_catch_up_and_never_the_notification_reactors_documents()
    {
        await using var office = await ConnectAsync(TestTokens.Office());
        var partner = PartnerId.New();
        var memorandum = MemorandumId.New();
        var commitment = CommitmentId.New();
        await api.DraftMemorandumAsync(memorandum, partner);
        // A commitment with a due date is watched by the notification reactor's clock: it writes its own documents.
        var last = await api.AcceptedCommitmentAsync(commitment, memorandum, partner, new DateOnly(2025, 6, 30));
        await api.WaitForViewsAsync(last);
        var reader = api.Services.GetRequiredService<IViewReader>();
        // The reactor commits on its own schedule, after the projections waited for above.
        var watchKey = CommitmentDecider.StreamName(commitment);
        var watch = await reader.GetAsync(NotificationViews.Watch, watchKey);
        for (var waited = 0; watch?.Json is null && waited < 300; waited++)
        {
            await Task.Delay(50);
            watch = await reader.GetAsync(NotificationViews.Watch, watchKey);
        }

        watch.Should().NotBeNull("the reactor watches the commitment");

        // A new leader pushes the last committed batch again, reading the view store whole (ProjectionService): the
        // reactor's documents in it must not reach the hub, or a client that stayed connected holds what no catch-up gives.
        // A marker pushed after it arrives after it on the same connection, so once it is here the other would be too.
        var detail = await reader.GetAsync(ViewNames.CommitmentDetail, commitment.ToString());
        var marker = detail! with { Key = "marker-" + Guid.NewGuid().ToString("N") };
        await api.Services.GetRequiredService<ViewChangeFeed>().PublishAsync([watch!, marker], CancellationToken.None);
        await office.WaitForAsync(c => c.View == ViewNames.CommitmentDetail && c.Key == marker.Key);
        var page = await office.Connection.InvokeAsync<CatchUpPage>(StatusHubContract.CatchUp, 0L);

        page.Changes.Should().NotContain(c => c.View.StartsWith(NotificationViews.Prefix, StringComparison.Ordinal));
        office.Received.Should().NotContain(c => c.View.StartsWith(NotificationViews.Prefix, StringComparison.Ordinal),
            "a client that stayed connected must hold what a new client's catch-up gives it");
    }

    [Fact]
    public async Task a_client_cannot_join_a_group_of_its_choosing()
    {
        await using var partner = await ConnectAsync(TestTokens.Partner(Guid.NewGuid()));

        var join = () => partner.Connection.InvokeAsync("JoinGroup", StatusHubContract.OfficeGroup);

        await join.Should().ThrowAsync<HubException>();
    }

    [Fact]
    public async Task the_hub_refuses_a_connection_without_a_token()
    {
        var connection = Build(token: null);

        var start = () => connection.StartAsync();

        await start.Should().ThrowAsync<HttpRequestException>();
        await connection.DisposeAsync();
    }

    private HubConnection Build(string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(api.Server.BaseAddress, StatusHubContract.Path), options =>
            {
                options.HttpMessageHandlerFactory = _ => api.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .Build();

    private async Task<Client> ConnectAsync(string token)
    {
        var client = new Client(Build(token));
        await client.Connection.StartAsync();
        return client;
    }

    private sealed class Client : IAsyncDisposable
    {
        private readonly ConcurrentQueue<ViewChange> received = new();
        private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Client(HubConnection connection)
        {
            Connection = connection;
            connection.On<ViewChange>(StatusHubContract.ViewChanged, change =>
            {
                received.Enqueue(change);
                Interlocked.Exchange(ref arrived, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            });
        }

        public HubConnection Connection { get; }

        public IReadOnlyList<ViewChange> Received => [.. received];

        public Task WaitForAsync(Func<ViewChange, bool> match) => WaitForAsync(received, match);

        private async Task WaitForAsync(ConcurrentQueue<ViewChange> queue, Func<ViewChange, bool> match)
        {
            using var timeout = new CancellationTokenSource(Patience);
            while (true)
            {
                var signal = Volatile.Read(ref arrived);
                if (queue.Any(match))
                {
                    return;
                }

                await signal.Task.WaitAsync(timeout.Token);
            }
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }
}

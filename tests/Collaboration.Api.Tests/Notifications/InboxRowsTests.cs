using System.Text.Json;
using Collaboration.Api.Modules.Notifications;
using Collaboration.Domain.Kernel;
using Collaboration.Domain.Notifications;
using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;

namespace Collaboration.Api.Tests.Notifications;

/// <summary>
/// The reactor's inboxes as rows: a notification is one row, an inbox keeps its newest <see cref="InboxCount.Capacity"/>,
/// its count says what it holds, and read marks reach committed rows and the batch's own alike.
/// </summary>
public sealed class InboxRowsTests
{
    private const string Inbox = "org:0193a4b2-0000-7000-8000-000000000001";

    private const string Other = "user:office.reader";

    private readonly InMemoryViewStore views = new();

    private readonly Dictionary<string, long> generations = new(StringComparer.Ordinal);

    private long position;

    [Fact]
    public async Task an_inbox_keeps_its_newest_notifications_and_counts_what_it_holds()
    {
        var first = Enumerable.Range(1, 300).Select(p => Notification(p)).ToList();
        await using (var batch = await BatchAsync())
        {
            foreach (var notification in first)
            {
                await InboxRows.AddAsync(batch, Inbox, notification, default);
            }

            await InboxRows.AddAsync(batch, Other, Notification(1), default);
            await CommitAsync(batch);
        }

        await using (var batch = await BatchAsync())
        {
            // Read marks on committed rows (45..60), six of which the trim then drops.
            await InboxRows.MarkReadAsync(batch, Inbox, first.Skip(44).Take(16).Select(n => n.Id), all: false, position, default);
            foreach (var p in Enumerable.Range(301, 250))
            {
                await InboxRows.AddAsync(batch, Inbox, Notification(p), default);
            }

            await CommitAsync(batch);
        }

        var rows = await RowsAsync(Inbox);
        rows.Should().HaveCount(InboxCount.Capacity);
        rows.Select(r => r.Notification.Position).Should().Equal(Enumerable.Range(51, 500).Select(p => (long)p), "the 50 oldest went");
        rows.Count(r => r.Notification.Read).Should().Be(10);
        (await CountAsync(Inbox)).Should().Be(new InboxCount(500, 490));
        (await CountAsync(Other)).Should().Be(new InboxCount(1, 1), "another inbox is not trimmed with it");
    }

    [Fact]
    public async Task one_batch_past_the_capacity_keeps_its_own_newest()
    {
        await using (var batch = await BatchAsync())
        {
            foreach (var p in Enumerable.Range(1, InboxCount.Capacity + 20))
            {
                await InboxRows.AddAsync(batch, Inbox, Notification(p), default);
            }

            await CommitAsync(batch);
        }

        (await RowsAsync(Inbox)).Select(r => r.Notification.Position).Should().Equal(Enumerable.Range(21, 500).Select(p => (long)p));
        (await CountAsync(Inbox)).Should().Be(new InboxCount(500, 500));
    }

    [Fact]
    public async Task the_same_notification_is_put_in_an_inbox_once()
    {
        var notification = Notification(7);
        await using (var batch = await BatchAsync())
        {
            await InboxRows.AddAsync(batch, Inbox, notification, default);
            await InboxRows.AddAsync(batch, Inbox, notification, default);
            await CommitAsync(batch);
        }

        await using (var batch = await BatchAsync())
        {
            await InboxRows.AddAsync(batch, Inbox, notification with { Read = true }, default);
            await CommitAsync(batch);
        }

        (await RowsAsync(Inbox)).Should().ContainSingle().Which.Notification.Should().Be(notification);
        (await CountAsync(Inbox)).Should().Be(new InboxCount(1, 1));
    }

    [Fact]
    public async Task marking_all_read_reaches_committed_rows_and_the_batchs_own_up_to_its_position()
    {
        await using (var batch = await BatchAsync())
        {
            foreach (var p in Enumerable.Range(1, 5))
            {
                await InboxRows.AddAsync(batch, Inbox, Notification(p), default);
            }

            await CommitAsync(batch);
        }

        await using (var batch = await BatchAsync())
        {
            await InboxRows.AddAsync(batch, Inbox, Notification(6), default);
            await InboxRows.AddAsync(batch, Inbox, Notification(8), default);
            await InboxRows.MarkReadAsync(batch, Inbox, [], all: true, position: 7, default);
            await CommitAsync(batch);
        }

        (await RowsAsync(Inbox)).Select(r => (r.Notification.Position, r.Notification.Read))
            .Should().Equal((1, true), (2, true), (3, true), (4, true), (5, true), (6, true), (8, false));
        (await CountAsync(Inbox)).Should().Be(new InboxCount(7, 1));
    }

    [Fact]
    public async Task notifications_at_one_position_keep_the_order_they_happened_in()
    {
        // An event's notification, then the clock's at the checkpoint that event left (a deadline that passed later).
        // The later one's id sorts first, so that the ids alone would put it before the earlier one.
        var accepted = Notification(9) with { Id = Guid.Parse("ffffffff-0000-7000-8000-000000000000") };
        var overdue = Notification(9) with { Id = Guid.Parse("00000000-0000-7000-8000-000000000000"), At = accepted.At.AddDays(21) };

        await using (var batch = await BatchAsync())
        {
            await InboxRows.AddAsync(batch, Inbox, accepted, default);
            await CommitAsync(batch);
        }

        await using (var batch = await BatchAsync())
        {
            await InboxRows.AddAsync(batch, Inbox, overdue, default);
            await CommitAsync(batch);
        }

        (await RowsAsync(Inbox)).Select(r => r.Notification.At).Should().Equal(accepted.At, overdue.At);
        var newest = await views.PageAsync(InboxRows.Query(Inbox, unreadOnly: false, after: null, limit: 1, newestFirst: true));
        JsonSerializer.Deserialize<InboxEntry>(newest.Items.Single().Json!, NotificationJson.Options)!.Notification.Should().Be(overdue);
    }

    [Fact]
    public async Task an_inbox_kept_as_one_document_is_moved_to_rows_and_a_count()
    {
        var legacy = new LegacyInboxDocument([Notification(1) with { Read = true }, Notification(2), Notification(3)]);
        await RegisterAsync();
        await using (var transaction = await views.BeginAsync())
        {
            transaction.Write(NotificationViews.LegacyInboxes, generations[NotificationViews.LegacyInboxes], Inbox, 3, ViewScope.OfficeOnly,
                JsonSerializer.Serialize(legacy, NotificationJson.Options));
            await transaction.CommitAsync(default);
        }

        await using (var batch = await BatchAsync())
        {
            await InboxRows.MoveLegacyInboxesAsync(batch, default);
            await CommitAsync(batch);
        }

        (await RowsAsync(Inbox)).Select(r => r.Notification).Should().Equal(legacy.Items);
        (await CountAsync(Inbox)).Should().Be(new InboxCount(3, 2));
        (await views.GetAsync(NotificationViews.LegacyInboxes, Inbox)).Should().BeNull("the inbox document is gone once moved");
    }

    private static InboxItem Notification(long at) => new(
        Guid.CreateVersion7(), at, NotificationKind.CaseAssigned, $"talent-case-{Guid.CreateVersion7()}", "talent-cases", Guid.CreateVersion7(),
        new BilingualText("案件已分配", "Case assigned"), DateTimeOffset.UnixEpoch.AddMinutes(at), Read: false);

    private async Task RegisterAsync()
    {
        if (generations.Count == 0)
        {
            foreach (var view in NotificationViews.All)
            {
                generations[view] = (await views.RegisterAsync(view, NotificationReactor.ViewVersion)).Generation;
            }
        }
    }

    private async Task<ReactorBatch> BatchAsync()
    {
        await RegisterAsync();
        return new ReactorBatch(views.OpenReads(), views, generations);
    }

    private async Task CommitAsync(ReactorBatch batch)
    {
        await InboxRows.TrimAsync(batch, default);
        await batch.CommitAsync(views, ++position, null, default);
    }

    /// <summary>The inbox's rows, oldest first, as the store pages them.</summary>
    private async Task<List<InboxEntry>> RowsAsync(string inbox)
    {
        var rows = new List<InboxEntry>();
        ViewCursor? after = null;
        do
        {
            var page = await views.PageAsync(InboxRows.Query(inbox, unreadOnly: false, after, 100));
            rows.AddRange(page.Items.Select(i => JsonSerializer.Deserialize<InboxEntry>(i.Json!, NotificationJson.Options)!));
            after = page.Next;
        }
        while (after is not null);

        return rows;
    }

    private async Task<InboxCount?> CountAsync(string inbox) =>
        await views.GetAsync(NotificationViews.InboxCounts, inbox) is { Json: { } json } ? JsonSerializer.Deserialize<InboxCount>(json, NotificationJson.Options) : null;
}

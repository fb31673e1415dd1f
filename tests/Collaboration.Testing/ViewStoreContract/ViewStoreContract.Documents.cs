using Collaboration.Projections.Running;
using FluentAssertions;
using Xunit;

namespace Collaboration.Testing.ViewStoreContract;

public abstract partial class ViewStoreContract
{
    private static readonly ViewScope PartnerA = new(["org:a"]);
    private static readonly ViewScope PartnerB = new(["org:b"]);

    [SkippableFact]
    public async Task a_document_put_is_read_back_and_a_delete_leaves_a_tombstone_for_catch_up()
    {
        var generation = await ActiveGenerationAsync();
        await CommitAsync(t =>
        {
            t.Write(View, generation, "a", 1, PartnerA, Json(1));
            t.Write(View, generation, "b", 1, ViewScope.Everyone, Json(2));
        });

        var a = await Views.GetAsync(View, "a");
        a.Should().BeEquivalentTo(new StoredView(View, "a", 1, Json(1), PartnerA));

        await CommitAsync(t => t.Write(View, generation, "a", 2, PartnerA, json: null));

        (await Views.GetAsync(View, "a")).Should().BeNull("a deleted document is not served");
        (await Views.ListAsync(View, null)).Select(d => d.Key).Should().Equal("b");
        var changes = await Views.ChangedSinceAsync(1, null, 100);
        changes.Changes.Should().ContainSingle().Which.Should().BeEquivalentTo(new StoredView(View, "a", 2, null, PartnerA), "clients catching up learn of the removal");
        changes.Next.Should().Be(2);
        changes.HasMore.Should().BeFalse();
    }

    [SkippableFact]
    public async Task a_put_replaces_the_document_and_reads_see_committed_documents_and_the_transactions_own_writes()
    {
        var generation = await ActiveGenerationAsync();
        await CommitAsync(t => t.Write(View, generation, "a", 1, PartnerA, Json(1)));

        await using (var reads = Views.OpenReads())
        {
            (await reads.ReadAsync(View, generation, "a", CancellationToken.None)).Should().Be(new Projections.Storage.StoredDocument(Json(1), PartnerA));
            (await reads.ReadAsync(View, generation, "absent", CancellationToken.None)).Should().BeNull();
        }

        await using (var transaction = await Views.BeginAsync())
        {
            transaction.Write(View, generation, "a", 2, PartnerB, System.Text.Encoding.UTF8.GetBytes(Json(2)));
            (await transaction.ReadAsync(View, generation, "a", CancellationToken.None)).Should().Be(new Projections.Storage.StoredDocument(Json(2), PartnerB));
            await transaction.CommitAsync(CancellationToken.None);
        }

        (await Views.GetAsync(View, "a")).Should().BeEquivalentTo(new StoredView(View, "a", 2, Json(2), PartnerB));
    }

    [SkippableFact]
    public async Task lists_are_ordered_by_key_byte_wise_and_filtered_by_scope()
    {
        var generation = await ActiveGenerationAsync();
        await CommitAsync(t =>
        {
            t.Write(View, generation, "b", 1, PartnerA, Json(1));
            t.Write(View, generation, "B", 2, PartnerB, Json(2));
            t.Write(View, generation, "a", 3, ViewScope.Everyone, Json(3));
            t.Write(View, generation, "c", 4, ViewScope.OfficeOnly, Json(4));
            t.Write("another-view", generation, "a", 5, ViewScope.Everyone, Json(5));
        });

        (await Views.ListAsync(View, null)).Select(d => d.Key).Should().Equal("B", "a", "b", "c");
        (await Views.ListAsync(View, new HashSet<string> { "org:a", ViewScope.Public })).Select(d => d.Key).Should().Equal("a", "b");
        (await Views.ListAsync(View, new HashSet<string> { "org:c" })).Should().BeEmpty("office-only documents are for the office");
    }

    [SkippableFact]
    public async Task changes_since_a_position_come_in_bounded_pages_that_never_split_a_position()
    {
        var generation = await ActiveGenerationAsync();
        await CommitAsync(t =>
        {
            t.Write(View, generation, "p1", 1, PartnerA, Json(1));
            t.Write(View, generation, "p2-x", 2, PartnerA, Json(2));
            t.Write(View, generation, "p2-y", 2, PartnerB, Json(3));
            t.Write(View, generation, "p2-z", 2, PartnerA, Json(4));
            t.Write(View, generation, "p3", 3, PartnerA, Json(5));
        });

        var seen = new List<string>();
        var pages = 0;
        var since = 0L;
        var mine = new HashSet<string> { "org:a" };
        while (true)
        {
            var page = await Views.ChangedSinceAsync(since, mine, maxRows: 2);
            pages++;
            seen.AddRange(page.Changes.Select(c => c.Key));
            page.Changes.Should().OnlyContain(c => c.Scope.IsVisibleTo(mine));
            page.Next.Should().BeGreaterThan(since, "every page moves on");
            since = page.Next;
            if (!page.HasMore)
            {
                break;
            }
        }

        seen.Should().Equal("p1", "p2-x", "p2-z", "p3");
        pages.Should().BeGreaterThan(1, "two rows a page cannot hold five");
        since.Should().Be(3);
    }
}

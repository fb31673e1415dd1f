using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using FluentAssertions;
using Xunit;

namespace Collaboration.Testing.ViewStoreContract;

public abstract partial class ViewStoreContract
{
    [SkippableFact]
    public async Task a_count_is_the_total_of_the_same_querys_page_audiences_filters_and_tombstones_included_and_follows_each_commit()
    {
        var generation = await ActiveGenerationAsync();
        await CommitAsync(t =>
        {
            t.Write(View, generation, "c1", 1, new ViewScope(["org:a"]), Item("2024-03-01", "Open"));
            t.Write(View, generation, "c2", 1, new ViewScope(["org:b"]), Item("2024-03-02", "Open"));
            t.Write(View, generation, "c3", 1, ViewScope.Everyone, Item("2024-03-03", "Closed"));
            t.Write(View, generation, "c4", 1, ViewScope.OfficeOnly, Item("2024-03-04", "Open"));
            t.Write(View, generation, "gone", 1, ViewScope.OfficeOnly, Item("2024-03-05", "Open"));
            t.Write("contract-other", generation, "c9", 1, ViewScope.OfficeOnly, Item("2024-03-01", "Open"));
        });
        await CommitAsync(t => t.Write(View, generation, "gone", 2, ViewScope.OfficeOnly, json: null));
        var partnerA = new HashSet<string>(StringComparer.Ordinal) { "org:a", "public" };
        ViewPageQuery[] queries =
        [
            Page(ByDue, 2),
            Page(new ViewSort("item.status"), 1, filters: ViewFilter.AnyOf("item.status", "Open")),
            Page(new ViewSort("item.status"), 1, audiences: partnerA, filters: ViewFilter.AnyOf("item.status", "Open")),
            Page(ByDue, 3, audiences: partnerA),
            Page(ByDue, 1, filters: ViewFilter.Before("item.due", "2024-03-03")),
        ];

        foreach (var query in queries)
        {
            (await Views.CountAsync(query)).Should().Be((await Views.PageAsync(query)).Total, "a count is the page's total for {0}", query);
        }

        (await Views.CountAsync(queries[1])).Should().Be(3);
        (await Views.CountAsync(queries[2])).Should().Be(1, "a partner counts only what its audiences may see");

        await CommitAsync(t => t.Write(View, generation, "c5", 2, ViewScope.OfficeOnly, Item("2024-03-06", "Open")));
        (await Views.CountAsync(queries[1])).Should().Be(4, "a commit makes an earlier count stale");
    }

    [SkippableFact]
    public async Task a_page_asked_without_its_total_holds_the_same_documents_and_cursor_and_says_it_did_not_count()
    {
        var generation = await ActiveGenerationAsync();
        await CommitAsync(t =>
        {
            t.Write(View, generation, "u1", 1, new ViewScope(["org:a"]), Item("2024-03-01", "Open"));
            t.Write(View, generation, "u2", 1, new ViewScope(["org:a"]), Item("2024-03-02", "Open"));
            t.Write(View, generation, "u3", 1, new ViewScope(["org:b"]), Item("2024-03-03", "Open"));
            t.Write(View, generation, "u4", 1, new ViewScope(["org:a"]), Item("2024-03-04", "Closed"));
        });
        var partnerA = new HashSet<string>(StringComparer.Ordinal) { "org:a" };
        var counted = Page(ByDue, 2, audiences: partnerA);
        var uncounted = counted with { CountTotal = false };

        var first = await Views.PageAsync(counted);
        var firstUncounted = await Views.PageAsync(uncounted);
        firstUncounted.Items.Select(d => d.Key).Should().Equal(first.Items.Select(d => d.Key));
        firstUncounted.Next.Should().Be(first.Next);
        first.Total.Should().Be(3);
        firstUncounted.Total.Should().Be(-1);

        var second = await Views.PageAsync(uncounted with { After = firstUncounted.Next });
        second.Items.Select(d => d.Key).Should().Equal("u4");
        second.Next.Should().BeNull();
        (await Views.CountAsync(uncounted)).Should().Be(3, "a count is asked for, whatever the query says of pages");
    }
}

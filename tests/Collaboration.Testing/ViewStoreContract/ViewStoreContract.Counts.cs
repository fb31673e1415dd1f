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

    [SkippableFact]
    public async Task an_office_count_by_one_fields_values_follows_every_value_a_document_takes_and_a_rebuilt_generation()
    {
        var generation = await ActiveGenerationAsync();
        var status = new ViewSort("item.status");
        var open = Page(status, 1, filters: ViewFilter.AnyOf("item.status", "Open"));
        var running = Page(status, 1, filters: ViewFilter.AnyOf("item.status", "Open", "Assigned"));
        var everyone = new HashSet<string>(StringComparer.Ordinal) { "public" };
        async Task Expect(long opened, long run, string because)
        {
            (await Views.CountAsync(open)).Should().Be(opened, because);
            (await Views.CountAsync(running)).Should().Be(run, because);
            (await Views.PageAsync(running)).Total.Should().Be(run, "a page's total is the same count ({0})", because);
            (await Views.CountAsync(running with { Audiences = everyone })).Should().Be(run, "the same count walked through an audience ({0})", because);
        }

        await Expect(0, 0, "nothing written yet");
        (await Views.CountAsync(Page(status, 1, filters: ViewFilter.AnyOf("item.status")))).Should().Be(0, "no value admits nothing");
        await CommitAsync(t =>
        {
            t.Write(View, generation, "v1", 1, ViewScope.Everyone, Item("2024-03-01", "Open"));
            t.Write(View, generation, "v2", 1, ViewScope.Everyone, Item("2024-03-02", "Open"));
            t.Write(View, generation, "v3", 1, ViewScope.Everyone, Item("2024-03-03", "Assigned"));
            t.Write(View, generation, "v4", 1, ViewScope.Everyone, Item("2024-03-04", "Closed"));
        });
        await Expect(2, 3, "two open, one assigned");

        await CommitAsync(t =>
        {
            t.Write(View, generation, "v1", 2, ViewScope.Everyone, Item("2024-03-01", "Assigned"));
            t.Write(View, generation, "v2", 2, ViewScope.Everyone, json: null);
            t.Write(View, generation, "v4", 2, ViewScope.Everyone, Item("2024-03-04", "Open"));
            t.Write(View, generation, "v4", 3, ViewScope.Everyone, Item("2024-03-04", "Closed"));
            t.Write(View, generation, "never", 3, ViewScope.Everyone, json: null);
        });
        await Expect(0, 2, "one moved on, one removed, one open and closed again in one commit");

        await CommitAsync(t => t.Write(View, generation, "v2", 4, ViewScope.Everyone, Item("2024-03-02", "Open")));
        await Expect(1, 3, "a removed document back");

        var next = await Views.CreateGenerationAsync(View);
        await CommitAsync(t =>
        {
            t.Write(View, next, "n1", 5, ViewScope.Everyone, Item("2024-04-01", "Open"));
            t.Write(View, next, "n2", 5, ViewScope.Everyone, Item("2024-04-02", "Open"));
            t.Write(View, next, "n3", 5, ViewScope.Everyone, Item("2024-04-03", "Open"));
        });
        await Expect(1, 3, "the generation being built is not read");
        await CommitAsync(t =>
        {
            t.Activate(View, next, 2);
            t.Write(View, next, "n1", 6, ViewScope.Everyone, Item("2024-04-01", "Closed"));
        });
        await Views.DropGenerationAsync(View, generation);
        await Expect(2, 2, "the rebuilt generation's own documents, and a write after its activation");
    }
}

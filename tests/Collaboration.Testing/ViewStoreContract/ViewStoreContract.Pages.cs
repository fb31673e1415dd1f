using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using FluentAssertions;
using Xunit;

namespace Collaboration.Testing.ViewStoreContract;

public abstract partial class ViewStoreContract
{
    private static readonly ViewSort ByDue = new("item.due");

    private static string Item(string due, string status, string owner = "a") =>
        $$"""{"item":{"due":"{{due}}","status":"{{status}}","owner":"{{owner}}"},"n":1}""";

    private static ViewPageQuery Page(ViewSort sort, int limit, ViewCursor? after = null, IReadOnlySet<string>? audiences = null, params ViewFilter[] filters) =>
        new(View, audiences, filters, sort, after, limit);

    /// <summary>Reads every page from the start and returns the keys in the order the pages gave them.</summary>
    private async Task<List<string>> AllPagesAsync(ViewPageQuery first)
    {
        var keys = new List<string>();
        var query = first;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await Views.PageAsync(query);
            page.Items.Count.Should().BeLessThanOrEqualTo(query.Limit);
            keys.AddRange(page.Items.Select(i => i.Key));
            if (page.Next is null)
            {
                return keys;
            }

            query = query with { After = page.Next };
        }

        throw new InvalidOperationException("The pages never ended.");
    }

    [SkippableFact]
    public async Task pages_follow_the_sort_field_then_the_key_in_either_direction_and_join_without_gaps()
    {
        var generation = await ActiveGenerationAsync();
        await CommitAsync(t =>
        {
            t.Write(View, generation, "k3", 1, ViewScope.OfficeOnly, Item("2024-06-01", "Open"));
            t.Write(View, generation, "k1", 1, ViewScope.OfficeOnly, Item("2024-06-01", "Open"));
            t.Write(View, generation, "k2", 1, ViewScope.OfficeOnly, Item("2024-05-01", "Closed"));
            t.Write(View, generation, "k5", 1, ViewScope.OfficeOnly, Item("2024-07-15", "Open"));
            t.Write(View, generation, "k4", 1, ViewScope.OfficeOnly, """{"item":{"status":"Open"},"n":1}""");
            t.Write(View, generation, "gone", 1, ViewScope.OfficeOnly, Item("2024-01-01", "Open"));
            t.Write("contract-other", generation, "k9", 1, ViewScope.OfficeOnly, Item("2024-01-01", "Open"));
        });
        await CommitAsync(t => t.Write(View, generation, "gone", 2, ViewScope.OfficeOnly, json: null));

        (await AllPagesAsync(Page(ByDue, 2))).Should().Equal(["k4", "k2", "k1", "k3", "k5"], "a missing field sorts first, ties go by key, tombstones and other views are left out");
        (await AllPagesAsync(Page(ByDue with { Descending = true }, 2))).Should().Equal(["k5", "k3", "k1", "k2", "k4"]);
        (await AllPagesAsync(Page(new ViewSort("item.status"), 1))).Should().Equal(["k2", "k1", "k3", "k4", "k5"]);

        var first = await Views.PageAsync(Page(ByDue, 2));
        first.Total.Should().Be(5);
        first.Next.Should().Be(new ViewCursor("2024-05-01", "k2"));
        var last = await Views.PageAsync(Page(ByDue, 5));
        last.Next.Should().BeNull("a page holding the last document says there is no next one");
        last.Items.Should().HaveCount(5);
        last.Items[1].Should().BeEquivalentTo(new StoredView(View, "k2", 1, Item("2024-05-01", "Closed"), ViewScope.OfficeOnly));
    }

    [SkippableFact]
    public async Task a_cursor_stays_put_when_documents_are_inserted_or_changed_before_it()
    {
        var generation = await ActiveGenerationAsync();
        await CommitAsync(t =>
        {
            for (var i = 0; i < 6; i++)
            {
                t.Write(View, generation, $"c{i}", 1, ViewScope.OfficeOnly, Item($"2024-06-{10 + i}", "Open"));
            }
        });

        var first = await Views.PageAsync(Page(ByDue, 3));
        first.Items.Select(i => i.Key).Should().Equal("c0", "c1", "c2");

        await CommitAsync(t =>
        {
            t.Write(View, generation, "early", 2, ViewScope.OfficeOnly, Item("2024-01-01", "Open"));
            t.Write(View, generation, "c0", 2, ViewScope.OfficeOnly, Item("2024-06-10", "Closed"));
            t.Write(View, generation, "late", 2, ViewScope.OfficeOnly, Item("2024-12-31", "Open"));
        });

        var second = await Views.PageAsync(Page(ByDue, 3, first.Next));
        second.Items.Select(i => i.Key).Should().Equal(["c3", "c4", "c5"], "what was inserted before the cursor does not shift the next page");
        second.Total.Should().Be(8, "the total counts the view as it is now");
        var third = await Views.PageAsync(Page(ByDue, 3, second.Next));
        third.Items.Select(i => i.Key).Should().Equal("late");
        third.Next.Should().BeNull();
    }

    [SkippableFact]
    public async Task filters_narrow_both_the_page_and_the_total()
    {
        var generation = await ActiveGenerationAsync();
        await CommitAsync(t =>
        {
            t.Write(View, generation, "f1", 1, ViewScope.OfficeOnly, Item("2024-03-01", "Open", "x"));
            t.Write(View, generation, "f2", 1, ViewScope.OfficeOnly, Item("2024-04-01", "Closed", "x"));
            t.Write(View, generation, "f3", 1, ViewScope.OfficeOnly, Item("2024-05-01", "Open", "y"));
            t.Write(View, generation, "f4", 1, ViewScope.OfficeOnly, Item("2024-06-01", "Waiting", "y"));
            t.Write(View, generation, "f5", 1, ViewScope.OfficeOnly, """{"item":{"status":"Open","owner":"x"},"n":1}""");
        });

        async Task<(List<string> Keys, long Total)> Filtered(params ViewFilter[] filters)
        {
            var page = await Views.PageAsync(Page(ByDue, 2, filters: filters));
            return ([.. await AllPagesAsync(Page(ByDue, 2, filters: filters))], page.Total);
        }

        var open = await Filtered(ViewFilter.AnyOf("item.status", "Open"));
        open.Keys.Should().Equal("f5", "f1", "f3");
        open.Total.Should().Be(3);
        var anyOf = await Filtered(ViewFilter.AnyOf("item.status", "Open", "Waiting"), ViewFilter.AnyOf("item.owner", "y"));
        anyOf.Keys.Should().Equal("f3", "f4");
        anyOf.Total.Should().Be(2);
        var before = await Filtered(ViewFilter.Before("item.due", "2024-05-01"));
        before.Keys.Should().Equal(["f1", "f2"], "before is strict and a missing date is not before anything");
        before.Total.Should().Be(2);
        var from = await Filtered(ViewFilter.NotBefore("item.due", "2024-05-01"), ViewFilter.AnyOf("item.status", "Open"));
        from.Keys.Should().Equal("f3");
        from.Total.Should().Be(1);
        (await Filtered(ViewFilter.AnyOf("item.status"))).Total.Should().Be(0, "no value admitted admits nothing");
    }

    [SkippableFact]
    public async Task a_partners_page_and_total_hold_only_what_its_audiences_may_see()
    {
        var generation = await ActiveGenerationAsync();
        await CommitAsync(t =>
        {
            t.Write(View, generation, "p1", 1, new ViewScope(["org:a"]), Item("2024-03-01", "Open"));
            t.Write(View, generation, "p2", 1, new ViewScope(["org:b"]), Item("2024-03-02", "Open"));
            t.Write(View, generation, "p3", 1, new ViewScope(["org:b", "org:a"]), Item("2024-03-03", "Open"));
            t.Write(View, generation, "p4", 1, ViewScope.OfficeOnly, Item("2024-03-04", "Open"));
            t.Write(View, generation, "p5", 1, ViewScope.Everyone, Item("2024-03-05", "Open"));
            t.Write(View, generation, "p6", 1, new ViewScope(["org:aa"]), Item("2024-03-06", "Open"));
        });

        var partnerA = new HashSet<string>(StringComparer.Ordinal) { "org:a", ViewScope.Public };
        (await AllPagesAsync(Page(ByDue, 1, audiences: partnerA))).Should().Equal(["p1", "p3", "p5"], "an audience matches whole, never as a prefix of another");
        (await Views.PageAsync(Page(ByDue, 1, audiences: partnerA))).Total.Should().Be(3);
        (await Views.PageAsync(Page(ByDue, 10, audiences: new HashSet<string>()))).Should().BeEquivalentTo(new ViewPage([], null, 0));
        (await Views.PageAsync(Page(ByDue, 10))).Total.Should().Be(6, "office and auditors (no audiences) see everything");
    }

    [SkippableFact]
    public async Task a_page_reads_the_active_generation_only()
    {
        var generation = await ActiveGenerationAsync();
        await CommitAsync(t => t.Write(View, generation, "old", 1, ViewScope.OfficeOnly, Item("2024-03-01", "Open")));
        (await Views.PageAsync(Page(ByDue, 10))).Items.Select(i => i.Key).Should().Equal("old");

        var next = await Views.CreateGenerationAsync(View);
        await CommitAsync(t => t.Write(View, next, "new", 2, ViewScope.OfficeOnly, Item("2024-03-02", "Open")));
        (await Views.PageAsync(Page(ByDue, 10))).Items.Select(i => i.Key).Should().Equal(["old"], "a rebuild's generation is not read before the swap");

        await CommitAsync(t => t.Activate(View, next, 1));
        var swapped = await Views.PageAsync(Page(ByDue, 10));
        swapped.Items.Select(i => i.Key).Should().Equal("new");
        swapped.Total.Should().Be(1);
    }
}

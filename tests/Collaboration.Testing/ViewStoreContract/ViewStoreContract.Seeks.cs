using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using FluentAssertions;
using Xunit;

namespace Collaboration.Testing.ViewStoreContract;

public abstract partial class ViewStoreContract
{
    [SkippableFact]
    public async Task a_seeking_equality_pages_and_counts_exactly_what_the_same_any_of_filter_does_in_either_direction()
    {
        var generation = await ActiveGenerationAsync();
        await CommitAsync(t =>
        {
            for (var i = 0; i < 40; i++)
            {
                // Ties on the due date (i % 5), a missing status now and then, three statuses, two owners.
                var json = i % 9 == 0
                    ? $$"""{"item":{"due":"2024-06-0{{i % 5}}","owner":"a"},"n":1}"""
                    : Item($"2024-06-0{i % 5}", (i % 3) switch { 0 => "Open", 1 => "Closed", _ => "Paused" }, i % 2 == 0 ? "a" : "b");
                t.Write(View, generation, $"s{i:D2}", 1, ViewScope.OfficeOnly, json);
            }

            t.Write("contract-other", generation, "other", 1, ViewScope.OfficeOnly, Item("2024-06-01", "Open"));
        });
        await CommitAsync(t => t.Write(View, generation, "s01", 2, ViewScope.OfficeOnly, json: null));

        foreach (var sort in new[] { ByDue, ByDue with { Descending = true } })
        {
            foreach (var status in new[] { "Open", "Closed", "Nowhere" })
            {
                var anyOf = new[] { ViewFilter.AnyOf("item.status", status), ViewFilter.AnyOf("item.owner", "a") };
                var seeking = new[] { ViewFilter.Equal("item.status", status), ViewFilter.AnyOf("item.owner", "a") };
                var want = await AllPagesAsync(Page(sort, 100, filters: anyOf));
                (await AllPagesAsync(Page(sort, 3, filters: seeking))).Should().Equal(want, $"status {status}, {(sort.Descending ? "descending" : "ascending")}");
                (await Views.PageAsync(Page(sort, 1, filters: seeking))).Total.Should().Be(want.Count);
            }
        }

        (await AllPagesAsync(Page(ByDue, 4, filters: ViewFilter.Equal("item.status", "Open")))).Should().NotBeEmpty().And.NotContain("other");
    }
}

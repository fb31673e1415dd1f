using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using FluentAssertions;
using Xunit;

namespace Collaboration.Testing.ViewStoreContract;

public abstract partial class ViewStoreContract
{
    private static string Weighted(string owner, string stage, string weight, string progress) =>
        $$"""{"item":{"owner":"{{owner}}","status":"{{stage}}","due":"2024-05-01"},"weight":{{weight}},"progress":{{progress}}}""";

    [SkippableFact]
    public async Task sums_add_up_exactly_what_the_query_admits_audiences_filters_and_tombstones_included_and_follow_each_commit()
    {
        var generation = await ActiveGenerationAsync();
        await CommitAsync(t =>
        {
            // 0.1 and 0.2 are not doubles: added as floating point the second total would be 3.3000000000000003.
            t.Write(View, generation, "s1", 1, new ViewScope(["org:a"]), Weighted("a", "Open", "0.1", "12.5"));
            t.Write(View, generation, "s2", 1, new ViewScope(["org:a"]), Weighted("a", "Open", "0.2", "10"));
            t.Write(View, generation, "s3", 1, new ViewScope(["org:a"]), Weighted("a", "Closed", "5", "100"));
            t.Write(View, generation, "s4", 1, new ViewScope(["org:b"]), Weighted("a", "Open", "7", "50"));
            t.Write(View, generation, "s5", 1, new ViewScope(["org:a"]), Weighted("a", "Open", "\"3\"", "1E+1"));
            t.Write(View, generation, "s6", 1, new ViewScope(["org:a"]), Weighted("b", "Open", "9", "9"));
            t.Write(View, generation, "gone", 1, new ViewScope(["org:a"]), Weighted("a", "Open", "11", "11"));
            t.Write("contract-other", generation, "s9", 1, new ViewScope(["org:a"]), Weighted("a", "Open", "13", "13"));
        });
        await CommitAsync(t => t.Write(View, generation, "gone", 2, new ViewScope(["org:a"]), json: null));
        var partnerA = new HashSet<string>(StringComparer.Ordinal) { "org:a" };
        var query = Page(ByDue, 1, audiences: partnerA, filters: [ViewFilter.Equal("item.owner", "a"), ViewFilter.AnyOf("item.status", "Open")]);
        ViewSum[] sums = [new("weight"), new("weight", Times: "progress")];

        // s1, s2 and s5 (its weight is a string, so it adds nothing; its progress, 1E+1, is a number as written).
        var totals = await Views.SumAsync(query, sums);
        totals.Should().Equal(0.3m, 3.25m);
        (await Views.SumAsync(query, [new ViewSum("progress")])).Should().Equal(32.5m);
        (await Views.SumAsync(query with { Audiences = null }, sums)).Should().Equal(new[] { 7.3m, 353.25m }, "the office sees org:b's document too");
        (await Views.SumAsync(query with { Filters = [ViewFilter.AnyOf("item.owner", "nobody")] }, sums)).Should().Equal(0m, 0m);

        await CommitAsync(t => t.Write(View, generation, "s7", 2, new ViewScope(["org:a"]), Weighted("a", "Open", "1", "0.05")));
        (await Views.SumAsync(query, sums)).Should().Equal(new[] { 1.3m, 3.30m }, "a commit is summed at once");
    }
}

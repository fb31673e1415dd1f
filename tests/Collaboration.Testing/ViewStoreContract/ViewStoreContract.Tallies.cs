using Collaboration.Projections.Running;
using Collaboration.Projections.Storage;
using FluentAssertions;
using Xunit;

namespace Collaboration.Testing.ViewStoreContract;

public abstract partial class ViewStoreContract
{
    private static readonly ViewSum[] WeightAndWeighted = [new("weight"), new("weight", Times: "progress")];

    private static string Weighted(string owner, string stage, string weight, string progress) =>
        $$"""{"item":{"owner":"{{owner}}","status":{{stage}},"due":"2024-05-01"},"weight":{{weight}},"progress":{{progress}}}""";

    private async Task SeedTalliedAsync()
    {
        var generation = await ActiveGenerationAsync();
        await CommitAsync(t =>
        {
            // 0.1 and 0.2 are not doubles: added as floating point the second total would be 3.3000000000000003.
            t.Write(View, generation, "s1", 1, new ViewScope(["org:a"]), Weighted("a", "\"Open\"", "0.1", "12.5"));
            t.Write(View, generation, "s2", 1, new ViewScope(["org:a"]), Weighted("a", "\"Open\"", "0.2", "10"));
            t.Write(View, generation, "s3", 1, new ViewScope(["org:a"]), Weighted("a", "\"Closed\"", "5", "100"));
            t.Write(View, generation, "s4", 1, new ViewScope(["org:b"]), Weighted("a", "\"Open\"", "7", "50"));
            t.Write(View, generation, "s5", 1, new ViewScope(["org:a"]), Weighted("a", "\"Open\"", "\"3\"", "1E+1"));
            t.Write(View, generation, "s6", 1, new ViewScope(["org:a"]), Weighted("b", "\"Open\"", "9", "9"));
            t.Write(View, generation, "s7", 1, new ViewScope(["org:a"]), Weighted("a", "7", "2", "1"));
            t.Write(View, generation, "s8", 1, new ViewScope(["org:a"]), """{"item":{"owner":"a","due":"2024-05-01"},"weight":1,"progress":3}""");
            t.Write(View, generation, "gone", 1, new ViewScope(["org:a"]), Weighted("a", "\"Open\"", "11", "11"));
            t.Write("contract-other", generation, "s9", 1, new ViewScope(["org:a"]), Weighted("a", "\"Open\"", "13", "13"));
        });
        await CommitAsync(t => t.Write(View, generation, "gone", 2, new ViewScope(["org:a"]), json: null));
    }

    [SkippableFact]
    public async Task a_tally_adds_up_exactly_what_the_query_admits_audiences_filters_and_tombstones_included_and_follows_each_commit()
    {
        await SeedTalliedAsync();
        var partnerA = new HashSet<string>(StringComparer.Ordinal) { "org:a" };
        var query = Page(ByDue, 1, audiences: partnerA, filters: [ViewFilter.Equal("item.owner", "a"), ViewFilter.AnyOf("item.status", "Open")]);

        // s1, s2 and s5 (its weight is a string, so it adds nothing; its progress, 1E+1, is a number as written).
        var all = (await Views.TallyAsync(query, null, WeightAndWeighted)).Should().ContainSingle().Which;
        all.Key.Should().Be("");
        all.Value.Count.Should().Be(3);
        all.Value.Sums.Should().Equal(0.3m, 3.25m);
        (await Views.TallyAsync(query, null, [new ViewSum("progress")]))[""].Sums.Should().Equal(32.5m);
        (await Views.TallyAsync(query with { Audiences = null }, null, WeightAndWeighted))[""].Sums.Should().Equal(new[] { 7.3m, 353.25m }, "the office sees org:b's document too");
        (await Views.TallyAsync(query with { Filters = [ViewFilter.AnyOf("item.owner", "nobody")] }, null, WeightAndWeighted)).Should().BeEmpty();

        var generation = await ActiveGenerationAsync();
        await CommitAsync(t => t.Write(View, generation, "s10", 2, new ViewScope(["org:a"]), Weighted("a", "\"Open\"", "1", "0.05")));
        var after = (await Views.TallyAsync(query, null, WeightAndWeighted))[""];
        after.Count.Should().Be(4, "a commit is tallied at once");
        after.Sums.Should().Equal(1.3m, 3.30m);
    }

    [SkippableFact]
    public async Task a_tally_asked_again_stays_exact_the_same_fields_summed_otherwise_and_a_change_by_another_process_included()
    {
        await SeedTalliedAsync();
        var generation = await ActiveGenerationAsync();
        await CommitAsync(t => t.WriteCheckpoint(View, generation, 4));
        var query = Page(ByDue, 1, audiences: new HashSet<string>(StringComparer.Ordinal) { "org:a" }, filters: [ViewFilter.Equal("item.owner", "a")]);

        var first = await Views.TallyAsync(query, "item.status", WeightAndWeighted);
        (await Views.TallyAsync(query, "item.status", WeightAndWeighted)).Should().BeEquivalentTo(first);
        first["Open"].Count.Should().Be(3);
        // The same two fields read either way by the statement: a product, or each added up on its own.
        (await Views.TallyAsync(query, "item.status", [new ViewSum("weight", Times: "progress")]))["Open"].Sums.Should().Equal(3.25m);
        (await Views.TallyAsync(query, "item.status", [new ViewSum("weight"), new ViewSum("progress")]))["Open"].Sums.Should().Equal(0.3m, 32.5m);

        // Another node's projection writes to the view and moves its checkpoint, as a projection's batch does.
        var other = await OpenAnotherAsync();
        await CommitAsync(
            t =>
            {
                t.Write(View, generation, "s11", 5, new ViewScope(["org:a"]), Weighted("a", "\"Open\"", "1", "2"));
                t.WriteCheckpoint(View, generation, 5);
            },
            other);
        var after = (await Views.TallyAsync(query, "item.status", WeightAndWeighted))["Open"];
        after.Count.Should().Be(4, "a change committed by another process is tallied at once");
        after.Sums.Should().Equal(1.3m, 5.25m);
    }

    [SkippableFact]
    public async Task a_classified_tally_puts_each_document_in_the_first_class_that_admits_it_and_leaves_out_those_none_admits()
    {
        await SeedTalliedAsync();
        var partnerA = new HashSet<string>(StringComparer.Ordinal) { "org:a" };
        var query = Page(ByDue, 1, audiences: partnerA);
        ViewClass[] classes =
        [
            new("open", [ViewFilter.AnyOf("item.status", "Open")]),
            new("ownerA", [ViewFilter.AnyOf("item.owner", "a")]),
            new("closed", [ViewFilter.AnyOf("item.status", "Closed")]),
        ];

        var tallied = await Views.TallyClassesAsync(query, classes, "item.owner", WeightAndWeighted);

        tallied.Keys.Should().BeEquivalentTo("open", "ownerA", "closed");
        tallied["open"].Keys.Should().BeEquivalentTo("a", "b");
        tallied["open"]["a"].Count.Should().Be(3, "s1, s2 and s5; s4 is another audience's");
        tallied["open"]["a"].Sums.Should().Equal(0.3m, 3.25m);
        tallied["open"]["b"].Count.Should().Be(1);
        tallied["open"]["b"].Sums.Should().Equal(9m, 81m);
        tallied["ownerA"]["a"].Count.Should().Be(3, "s3, s7 and s8: the open ones went to the first class");
        tallied["ownerA"]["a"].Sums.Should().Equal(8m, 505m);
        tallied["closed"].Should().BeEmpty("s3, the closed one, was taken by an earlier class");

        var office = await Views.TallyClassesAsync(query with { Audiences = null }, [new("open", [ViewFilter.AnyOf("item.status", "Open")])], null, WeightAndWeighted);
        office["open"][""].Count.Should().Be(5, "documents no class admits are left out");
        office["open"][""].Sums.Should().Equal(new[] { 16.3m, 434.25m }, "the same sums as a tally of the class's filters");
        (await Views.TallyAsync(query with { Audiences = null, Filters = [ViewFilter.AnyOf("item.status", "Open")] }, null, WeightAndWeighted))[""].Sums
            .Should().Equal(office["open"][""].Sums);
        var act = () => Views.TallyClassesAsync(query, [new("same", []), new("same", [])], null, []);
        await act.Should().ThrowAsync<ArgumentException>();
    }

    [SkippableFact]
    public async Task a_tally_groups_by_a_fields_text_a_missing_or_non_text_field_in_the_empty_group()
    {
        await SeedTalliedAsync();
        var query = Page(ByDue, 1, filters: [ViewFilter.Equal("item.owner", "a")]);

        var groups = await Views.TallyAsync(query, "item.status", WeightAndWeighted);

        groups.Keys.Should().BeEquivalentTo(["Open", "Closed", ""]);
        groups["Open"].Count.Should().Be(4, "s1, s2, s4 and s5; s6 is another owner's, the removed one gone");
        groups["Open"].Sums.Should().Equal(7.3m, 353.25m);
        groups["Closed"].Count.Should().Be(1);
        groups["Closed"].Sums.Should().Equal(5m, 500m);
        groups[""].Count.Should().Be(2, "s7's status is a number, s8 has none");
        groups[""].Sums.Should().Equal(3m, 5m);
        ViewTally.Of(groups, 2, "Open", "Closed", "Unheard").Should().BeEquivalentTo(new ViewTally(5, [12.3m, 853.25m]));
        (await Views.TallyAsync(query, "item.status", [])).Values.Select(t => t.Count).Should().BeEquivalentTo([4L, 1L, 2L]);
    }
}

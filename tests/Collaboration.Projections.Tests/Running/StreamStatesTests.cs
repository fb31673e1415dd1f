using Collaboration.EventStore;
using Collaboration.Projections.Running;

namespace Collaboration.Projections.Tests.Running;

/// <summary>
/// The folded states the runner holds stay bounded in two generations (ADR 0030, amendment of 2026-12-06): a state in
/// use survives the turn of a generation, and a held state is evolved by its stream's events in either generation.
/// </summary>
public sealed class StreamStatesTests
{
    private const int Capacity = 8;
    private long position;
    private int historyReads;

    [Fact]
    public async Task the_states_held_stay_between_half_the_capacity_and_the_capacity_however_many_streams_pass()
    {
        var states = New();
        var counts = new List<int>();
        for (var i = 0; i < 10 * Capacity; i++)
        {
            await CountOfAsync(states, Opened($"case-{i}"));
            counts.Add(states.Count);
        }

        counts.Should().OnlyContain(c => c <= Capacity);
        counts.Skip(Capacity).Should().OnlyContain(c => c >= Capacity / 2, "a turn drops only the older generation");
    }

    [Fact]
    public async Task a_state_asked_for_again_survives_the_turn_and_is_not_folded_from_history_again()
    {
        var states = New();
        await CountOfAsync(states, Opened("case-hot"));
        for (var i = 0; i < 5 * Capacity; i++)
        {
            await CountOfAsync(states, Opened($"case-{i}"));
            if (i % 2 == 0)
            {
                // The hot stream gets an event now and then: its held state is evolved, not read again.
                (await CountOfAsync(states, Next("case-hot"))).Should().Be(2 + (i / 2));
            }
        }

        historyReads.Should().Be(0, "every stream was either new or held");
    }

    [Fact]
    public async Task a_state_dropped_with_its_generation_is_folded_again_from_its_history()
    {
        var states = New();
        await CountOfAsync(states, Opened("case-cold"));
        for (var i = 0; i < 2 * Capacity; i++)
        {
            await CountOfAsync(states, Opened($"case-{i}"));
        }

        (await CountOfAsync(states, Next("case-cold"))).Should().Be(-1, "the test's history reader marks a fold from history");
        historyReads.Should().Be(1);
    }

    private StreamStates New() => new((stream, upTo, ct) =>
    {
        historyReads++;
        return new object[] { -1000 }.ToAsyncEnumerable();
    }, Capacity);

    private RecordedEvent Opened(string stream) => Event(stream, 0);

    private RecordedEvent Next(string stream) => Event(stream, 1);

    private RecordedEvent Event(string stream, long revision) =>
        new(Guid.NewGuid(), stream, revision, ++position, "test.counted.v1", DateTimeOffset.UnixEpoch, Array.Empty<byte>(), Array.Empty<byte>(), new byte[32]);

    /// <summary>Advances to the event and asks for its stream's state: the number of events counted (a fold from history starts at -1000 + this one).</summary>
    private static async Task<int> CountOfAsync(StreamStates states, RecordedEvent recorded)
    {
        states.Advance(recorded, 1);
        var count = await states.GetAsync<CountState, int>(recorded.Stream, new CountState(0), (s, e) => new CountState(s.Count + e), CancellationToken.None);
        return count.Count < 0 ? -1 : count.Count;
    }

    private sealed record CountState(int Count);
}

using Collaboration.EventStore;
using FluentAssertions;
using Xunit;

namespace Collaboration.Testing.StoreContract;

public abstract partial class EventStoreContract
{
    [SkippableTheory]
    [InlineData("no-stream", false, true)]
    [InlineData("no-stream", true, false)]
    [InlineData("stream-exists", false, false)]
    [InlineData("stream-exists", true, true)]
    [InlineData("any", false, true)]
    [InlineData("any", true, true)]
    [InlineData("exactly-right", true, true)]
    [InlineData("exactly-wrong", true, false)]
    [InlineData("exactly-0", false, false)]
    public async Task expected_revision_decides_whether_an_append_is_accepted(string expectation, bool streamExists, bool accepted)
    {
        var stream = NewStream();
        long? actual = null;
        if (streamExists)
        {
            await AppendedAsync(stream, ExpectedRevision.NoStream, NewEvents(2));
            actual = 1;
        }

        var expected = expectation switch
        {
            "no-stream" => ExpectedRevision.NoStream,
            "stream-exists" => ExpectedRevision.StreamExists,
            "any" => ExpectedRevision.Any,
            "exactly-right" => ExpectedRevision.Exactly(1),
            "exactly-wrong" => ExpectedRevision.Exactly(5),
            _ => ExpectedRevision.Exactly(0),
        };
        var headBefore = await Store.ReadHeadPositionAsync();

        var result = await AppendAsync(stream, expected, NewEvent());

        if (accepted)
        {
            var appended = result.Should().BeOfType<AppendResult.Appended>().Subject;
            appended.FirstRevision.Should().Be((actual ?? -1) + 1);
            appended.FirstPosition.Should().Be(headBefore + 1);
            appended.WasIdempotentReplay.Should().BeFalse();
            (await Store.ReadStreamRevisionAsync(stream)).Should().Be((actual ?? -1) + 1);
        }
        else
        {
            result.Should().Be(new AppendResult.WrongExpectedRevision(stream, expected, actual));
            (await Store.ReadHeadPositionAsync()).Should().Be(headBefore, "a refused append writes nothing");
            (await Store.ReadStreamRevisionAsync(stream)).Should().Be(actual);
        }
    }

    [SkippableFact]
    public async Task a_multi_event_append_gets_consecutive_revisions_and_positions()
    {
        await AppendedAsync(NewStream(), ExpectedRevision.NoStream, NewEvents(2));
        var stream = NewStream();

        var appended = await AppendedAsync(stream, ExpectedRevision.NoStream, NewEvents(3));

        appended.Should().Be(new AppendResult.Appended(stream, 0, 2, 3, 5, false));
        var read = await ReadStreamAsync(stream);
        read.Select(e => e.Revision).Should().Equal(0, 1, 2);
        read.Select(e => e.Position).Should().Equal(3, 4, 5);
    }

    [SkippableFact]
    public async Task a_failing_multi_event_append_writes_none_of_its_events()
    {
        var other = NewStream("partner");
        var taken = NewEvent();
        await AppendedAsync(other, ExpectedRevision.NoStream, taken);
        var stream = NewStream();

        var act = () => AppendAsync(stream, ExpectedRevision.Any, NewEvent(), NewEvent(), taken);

        await act.Should().ThrowAsync<IdempotencyViolationException>();
        (await ReadStreamAsync(stream)).Should().BeEmpty();
        (await Store.ReadHeadPositionAsync()).Should().Be(1);
        var next = await AppendedAsync(stream, ExpectedRevision.NoStream, NewEvent());
        next.FirstPosition.Should().Be(2, "the undone events left no gap");
    }

    [SkippableFact]
    public async Task retrying_an_append_with_the_same_event_ids_writes_nothing_and_returns_the_first_result()
    {
        var stream = NewStream();
        var events = NewEvents(3);
        var first = await AppendedAsync(stream, ExpectedRevision.NoStream, events);
        await AppendedAsync(NewStream(), ExpectedRevision.NoStream, NewEvent());

        var retry = await AppendedAsync(stream, ExpectedRevision.NoStream, events);
        var retryWithAny = await AppendedAsync(stream, ExpectedRevision.Any, events);

        retry.Should().Be(first with { WasIdempotentReplay = true });
        retryWithAny.Should().Be(first with { WasIdempotentReplay = true });
        (await Store.ReadHeadPositionAsync()).Should().Be(4);
        (await ReadStreamAsync(stream)).Should().HaveCount(3);
    }

    [SkippableFact]
    public async Task a_retry_in_which_only_some_event_ids_exist_is_a_programming_error()
    {
        var stream = NewStream();
        var events = NewEvents(2);
        await AppendedAsync(stream, ExpectedRevision.NoStream, events);

        var act = () => AppendAsync(stream, ExpectedRevision.Exactly(1), events[1], NewEvent());

        (await act.Should().ThrowAsync<IdempotencyViolationException>()).Which.Stream.Should().Be(stream);
        (await Store.ReadHeadPositionAsync()).Should().Be(2);
    }

    [SkippableFact]
    public async Task a_retry_with_extra_events_after_the_existing_ones_is_a_programming_error()
    {
        var stream = NewStream();
        var events = NewEvents(2);
        await AppendedAsync(stream, ExpectedRevision.NoStream, events);

        var act = () => AppendAsync(stream, ExpectedRevision.Any, events[0], events[1], NewEvent());

        await act.Should().ThrowAsync<IdempotencyViolationException>();
        (await Store.ReadHeadPositionAsync()).Should().Be(2);
    }

    [SkippableFact]
    public async Task reusing_event_ids_of_another_stream_is_a_programming_error()
    {
        var events = NewEvents(2);
        await AppendedAsync(NewStream(), ExpectedRevision.NoStream, events);
        var stream = NewStream();

        var act = () => AppendAsync(stream, ExpectedRevision.NoStream, events);

        await act.Should().ThrowAsync<IdempotencyViolationException>();
        (await Store.ReadStreamRevisionAsync(stream)).Should().BeNull();
    }

    [SkippableFact]
    public async Task an_append_without_events_is_rejected_as_an_argument_error()
    {
        var act = () => Store.AppendAsync(NewStream(), ExpectedRevision.Any, []);

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [SkippableFact]
    public async Task the_same_event_id_twice_in_one_append_is_rejected()
    {
        var e = NewEvent();

        var act = () => AppendAsync(NewStream(), ExpectedRevision.Any, e, e);

        await act.Should().ThrowAsync<ArgumentException>();
        (await Store.ReadHeadPositionAsync()).Should().Be(0);
    }

    [SkippableFact]
    public async Task timestamps_come_from_the_injected_time_provider()
    {
        var stream = NewStream();
        var first = Time.GetUtcNow();
        await AppendedAsync(stream, ExpectedRevision.NoStream, NewEvent());
        Time.Advance(TimeSpan.FromMinutes(90));
        await AppendedAsync(stream, ExpectedRevision.Exactly(0), NewEvent());

        var read = await ReadStreamAsync(stream);

        var microsecond = TimeSpan.FromTicks(TimeSpan.TicksPerMicrosecond);
        read[0].Timestamp.Should().BeCloseTo(first, microsecond);
        read[0].Timestamp.Offset.Should().Be(TimeSpan.Zero);
        read[1].Timestamp.Should().BeCloseTo(first.AddMinutes(90), microsecond);
    }

    [SkippableFact]
    public async Task metadata_and_data_round_trip_unchanged()
    {
        var metadata = new EventMetadata("observer-robert", "observer", "Hongkou District Government", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var e = NewEvent("observer.appointed.v1", """{"name":"Robert","note":"外籍体验官"}""", metadata);
        var stream = NewStream("observer");
        await AppendedAsync(stream, ExpectedRevision.NoStream, e);

        var read = (await ReadStreamAsync(stream)).Single();

        read.EventId.Should().Be(e.EventId);
        read.Stream.Should().Be(stream);
        read.Type.Should().Be("observer.appointed.v1");
        read.Data.ToArray().Should().Equal(e.Data.ToArray());
        read.Metadata.Should().Be(metadata);
        EventMetadata.FromUtf8Json(read.MetadataJson.Span).Should().Be(metadata);
    }

    [SkippableFact]
    public async Task empty_metadata_round_trips_as_empty()
    {
        var stream = NewStream();
        await AppendedAsync(stream, ExpectedRevision.NoStream, NewEvent());

        var read = (await ReadStreamAsync(stream)).Single();

        read.Metadata.Should().Be(EventMetadata.Empty);
    }

    [SkippableFact]
    public async Task an_append_refused_before_it_is_queued_fails_its_task_instead_of_throwing_at_the_call()
    {
        // Callers may start an append and await it later (several at once, for instance): a refusal must come back
        // through the task, never as an exception thrown by the call itself.
        Task<AppendResult>? empty = null, cancelled = null, afterDispose = null;
        var stream = NewStream();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        ((Action)(() => empty = Store.AppendAsync(stream, ExpectedRevision.Any, []))).Should().NotThrow();
        ((Action)(() => cancelled = Store.AppendAsync(stream, ExpectedRevision.Any, [NewEvent()], cancellation.Token))).Should().NotThrow();
        await FluentActions.Awaiting(() => empty!).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => cancelled!).Should().ThrowAsync<OperationCanceledException>();
        cancelled!.IsCanceled.Should().BeTrue();

        await Store.DisposeAsync();
        ((Action)(() => afterDispose = Store.AppendAsync(stream, ExpectedRevision.Any, [NewEvent()]))).Should().NotThrow();
        await FluentActions.Awaiting(() => afterDispose!).Should().ThrowAsync<ObjectDisposedException>();
    }
}

using System.Collections.Concurrent;

namespace Collaboration.EventStore.Tests;

public sealed class EventIdsTests
{
    [Fact]
    public void an_id_is_a_version_7_uuid_whose_first_48_bits_are_its_unix_milliseconds()
    {
        var at = new DateTimeOffset(2024, 3, 18, 1, 30, 15, 123, TimeSpan.Zero);

        var id = EventIds.NewVersion7(at);

        id.Version.Should().Be(7);
        (id.Variant & 0xC).Should().Be(0x8, "the RFC 9562 variant is binary 10");
        var bytes = id.ToByteArray(bigEndian: true);
        var milliseconds = 0L;
        for (var i = 0; i < 6; i++)
        {
            milliseconds = (milliseconds << 8) | bytes[i];
        }

        milliseconds.Should().Be(at.ToUnixTimeMilliseconds());
    }

    [Fact]
    public void ids_of_one_millisecond_are_unique_across_buffer_refills_and_threads()
    {
        // Far more ids than one buffer of random bits holds (409 per refill), on several threads at once, all with
        // the same time: only the random bits can tell them apart.
        var at = DateTimeOffset.UtcNow;
        var ids = new ConcurrentBag<Guid>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                ids.Add(EventIds.NewVersion7(at));
            }
        });

        ids.Should().HaveCount(40_000);
        ids.Distinct().Should().HaveCount(40_000);
        ids.Select(id => id.ToByteArray(bigEndian: true)[15]).Distinct().Count().Should().BeGreaterThan(200, "the last byte is random");
    }

    [Fact]
    public void a_serialised_event_without_an_id_gets_a_new_version_7_id()
    {
        var serializer = new EventSerializer(new EventTypeRegistry().Register("policy.published.v1", EventSerializerTests.TestEventsJsonContext.Default.PolicyPublished));
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var first = serializer.ToEventToAppend(new EventSerializerTests.PolicyPublished("a"));
        var second = serializer.ToEventToAppend(new EventSerializerTests.PolicyPublished("a"));

        first.EventId.Version.Should().Be(7);
        first.EventId.Should().NotBe(second.EventId);
        var bytes = first.EventId.ToByteArray(bigEndian: true);
        var milliseconds = ((long)bytes[0] << 40) | ((long)bytes[1] << 32) | ((long)bytes[2] << 24) | ((long)bytes[3] << 16) | ((long)bytes[4] << 8) | bytes[5];
        milliseconds.Should().BeInRange(before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }
}

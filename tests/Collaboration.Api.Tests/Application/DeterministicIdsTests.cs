using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Collaboration.Api.Application;
using Collaboration.EventStore;

namespace Collaboration.Api.Tests.Application;

/// <summary>
/// A retried request is a no-op only while it derives the ids it derived the first time, also across an upgrade: the
/// ids must stay those of the SHA-256 over the parts' UTF-8 joined by U+001F, whatever way they are computed (ADR 0028).
/// </summary>
public sealed class DeterministicIdsTests
{
    private static readonly Caller Office = new("office-1", CallerRole.Office, null, null);

    // The derivation as it was first written, over strings.
    private static Guid Reference(params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        var bytes = hash.AsSpan(0, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    [Fact]
    public void ids_are_those_the_released_build_derived()
    {
        // Taken from the build before the derivation stopped building strings (2026-12-04).
        var command = DeterministicIds.CommandId(Office, "key-42");

        command.Should().Be(Guid.Parse("c81e7bca-57b3-84ff-8cfd-209e4d32f148"));
        DeterministicIds.AggregateId(command).Should().Be(Guid.Parse("021c022c-2911-8834-8ffe-966a5655baed"));
        DeterministicIds.EventId(command, "partner-0194e7d2", 0).Should().Be(Guid.Parse("b69d161d-b5ba-809e-976c-696dc4a13497"));
        DeterministicIds.EventId(command, "talent-case-Ünïcødé", 12).Should().Be(Guid.Parse("21f8c94b-d6f3-85c0-a832-ebabc82770dc"));
    }

    [Theory]
    [InlineData("partner-1", "k")]
    [InlineData("talent-case-Ünïcødé-名字", "ключ-🔑")]
    [InlineData("", "")]
    [InlineData("a\u001fb", "lone \ud800 surrogate")]
    public void ids_equal_the_hash_of_the_joined_parts(string stream, string key)
    {
        var caller = Office with { Id = "partner:" + key };
        var command = DeterministicIds.CommandId(caller, key);

        command.Should().Be(Reference("command", caller.Id, key));
        DeterministicIds.AggregateId(command).Should().Be(Reference("aggregate", command.ToString("N")));
        foreach (var index in new[] { 0, 1, 9, 10, 4_096, int.MaxValue })
        {
            DeterministicIds.EventId(command, stream, index)
                .Should().Be(Reference("event", command.ToString("N"), stream, index.ToString(CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void long_streams_and_keys_past_the_stack_buffer_give_the_same_ids()
    {
        var stream = "memorandum-" + new string('é', 600);
        var key = new string('k', 2_000);
        var command = DeterministicIds.CommandId(Office, key);

        command.Should().Be(Reference("command", Office.Id, key));
        DeterministicIds.EventId(command, stream, 3)
            .Should().Be(Reference("event", command.ToString("N"), stream, "3"));
    }

    [Fact]
    public void events_of_a_fresh_command_begin_with_its_time_and_sort_by_it()
    {
        var at = DateTimeOffset.Parse("2024-11-05T09:30:00Z", CultureInfo.InvariantCulture);
        var first = EventIds.NewVersion7(at);
        var later = EventIds.NewVersion7(at.AddMilliseconds(1));
        var id = DeterministicIds.EventId(first, "partner-1", 0);

        BigEndian(id)[..6].Should().Equal(BigEndian(first)[..6]);
        id.Version.Should().Be(8, "the time replaces the hash's leading bytes, not its version");
        id.Should().Be(DeterministicIds.EventId(first, "partner-1", 0), "a command's event ids are still derived, not drawn");
        BigEndian(id)[6..].Should().Equal(BigEndian(Reference("event", first.ToString("N"), "partner-1", "0"))[6..]);

        // The log stores ids big-endian and its index compares bytes: in that order, the earlier command's events come
        // first whatever their stream and index (hashed ids sort at random).
        var ids = new[]
        {
            DeterministicIds.EventId(later, "a", 0),
            DeterministicIds.EventId(first, "z", 7),
            DeterministicIds.EventId(later, "z", 0),
            DeterministicIds.EventId(first, "a", 0),
        };
        ids.OrderBy(i => Convert.ToHexString(BigEndian(i)), StringComparer.Ordinal).Take(2)
            .Should().BeEquivalentTo(new[] { ids[1], ids[3] });
    }

    [Fact]
    public void events_of_an_idempotent_command_keep_the_plain_hash()
    {
        var command = DeterministicIds.CommandId(Office, "key-7");

        command.Version.Should().Be(8);
        DeterministicIds.EventId(command, "partner-1", 0).Should().Be(Reference("event", command.ToString("N"), "partner-1", "0"));
    }

    [Fact]
    public void ids_differ_by_command_stream_and_index()
    {
        var one = DeterministicIds.CommandId(Office, "one");
        var two = DeterministicIds.CommandId(Office, "two");

        new[]
        {
            DeterministicIds.EventId(one, "s", 0),
            DeterministicIds.EventId(one, "s", 1),
            DeterministicIds.EventId(one, "t", 0),
            DeterministicIds.EventId(two, "s", 0),
        }.Should().OnlyHaveUniqueItems();
    }

    private static byte[] BigEndian(Guid id)
    {
        var bytes = new byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return bytes;
    }
}

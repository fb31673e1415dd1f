using Collaboration.Audit.Privacy;

namespace Collaboration.Api.Tests.Audit;

/// <summary>The key stores' cache holds a bounded number of keys, keeps those in use, and forgets a removed one at once.</summary>
public sealed class PersonKeyCacheTests
{
    private static byte[] KeyOf(int i) => [.. Enumerable.Repeat((byte)i, 32)];

    [Fact]
    public void it_never_holds_more_keys_than_its_capacity()
    {
        var cache = new PersonKeyCache(capacity: 100);
        for (var i = 0; i < 1_000; i++)
        {
            cache.Set(Guid.NewGuid(), KeyOf(i));
            cache.Count.Should().BeLessThanOrEqualTo(100);
        }

        cache.Count.Should().BeGreaterThanOrEqualTo(50, "the recent half stays full");
    }

    [Fact]
    public void a_key_read_again_survives_while_keys_nobody_reads_are_dropped()
    {
        var cache = new PersonKeyCache(capacity: 10);
        var used = Guid.NewGuid();
        var unused = Guid.NewGuid();
        cache.Set(used, KeyOf(1));
        cache.Set(unused, KeyOf(2));
        for (var i = 0; i < 100; i++)
        {
            cache.TryGet(used, out var key).Should().BeTrue($"read before key {i} was added");
            key.Should().Equal(KeyOf(1));
            cache.Set(Guid.NewGuid(), KeyOf(3));
        }

        cache.TryGet(used, out _).Should().BeTrue();
        cache.TryGet(unused, out _).Should().BeFalse();
    }

    [Fact]
    public void a_removed_or_cleared_key_is_not_found_whichever_generation_held_it()
    {
        var cache = new PersonKeyCache(capacity: 4);
        var older = Guid.NewGuid();
        var recent = Guid.NewGuid();
        cache.Set(older, KeyOf(1));
        cache.Set(Guid.NewGuid(), KeyOf(2));
        cache.Set(recent, KeyOf(3)); // the first two are the older generation now

        cache.Remove(older);
        cache.Remove(recent);
        cache.TryGet(older, out _).Should().BeFalse();
        cache.TryGet(recent, out _).Should().BeFalse();

        cache.Set(recent, KeyOf(3));
        cache.Clear();
        cache.TryGet(recent, out _).Should().BeFalse();
        cache.Count.Should().Be(0);
    }

    [Fact]
    public void a_key_set_again_replaces_the_one_held()
    {
        var cache = new PersonKeyCache(capacity: 4);
        var person = Guid.NewGuid();
        cache.Set(person, KeyOf(1));
        cache.Set(Guid.NewGuid(), KeyOf(2));
        cache.Set(Guid.NewGuid(), KeyOf(3));
        cache.Set(person, KeyOf(4));

        cache.TryGet(person, out var key).Should().BeTrue();
        key.Should().Equal(KeyOf(4));
    }
}

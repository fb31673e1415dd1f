using Collaboration.Audit.Privacy;
using Collaboration.Audit.Sqlite;
using Collaboration.Domain.Kernel;
using Microsoft.Extensions.Time.Testing;

namespace Collaboration.Api.Tests.Audit;

/// <summary>An erased key is gone from every file and from every store that cached it, in this process or another.</summary>
public sealed class SqlitePersonalKeyStoreTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "collaboration-keys-tests", Guid.NewGuid().ToString("N"));

    public SqlitePersonalKeyStoreTests() => Directory.CreateDirectory(directory);

    private string KeysPath => Path.Combine(directory, "log.db.keys.db");

    [Fact]
    public async Task keys_created_at_once_are_written_in_groups_each_one_durable_and_one_per_person()
    {
        var persons = Enumerable.Range(0, 200).Select(_ => PersonId.New()).ToArray();
        var erased = PersonId.New();
        Dictionary<PersonId, byte[]> created;
        using (var keys = new SqlitePersonalKeyStore(KeysPath))
        {
            keys.Delete(erased);
            // Every person asked for twice at the same moment, from many threads: one key each, never two.
            var asked = await Task.WhenAll(persons.Concat(persons).Select(person => Task.Run(() => (person, key: keys.GetOrCreate(person)))));
            asked.GroupBy(a => a.person).Should().AllSatisfy(g => g.Select(a => Convert.ToHexString(a.key)).Distinct().Should().ContainSingle());
            created = asked.GroupBy(a => a.person).ToDictionary(g => g.Key, g => g.First().key);
            created.Values.Select(Convert.ToHexString).Distinct().Should().HaveCount(persons.Length);

            // An erased person in a group fails alone; the others of the group are written.
            var mixed = await Task.WhenAll(new[] { erased, PersonId.New() }.Select(person => Task.Run(() =>
            {
                try
                {
                    return keys.GetOrCreate(person) is not null;
                }
                catch (PersonErasedException)
                {
                    return false;
                }
            })));
            mixed.Should().Equal(false, true);
        }

        // Acknowledged keys are in the file: a fresh store (another process after a restart) reads every one back.
        using var reopened = new SqlitePersonalKeyStore(KeysPath);
        reopened.Count().Should().Be(persons.Length + 1);
        foreach (var (person, key) in created)
        {
            reopened.Find(person).Should().Equal(key);
        }
    }

    [Fact]
    public async Task keys_awaited_and_asked_for_synchronously_at_once_are_one_per_person_and_durable_when_returned()
    {
        var persons = Enumerable.Range(0, 200).Select(_ => PersonId.New()).ToArray();
        var erased = PersonId.New();
        Dictionary<PersonId, byte[]> created;
        using (var keys = new SqlitePersonalKeyStore(KeysPath))
        {
            keys.Delete(erased);
            // Each person asked for three times at once: twice awaited (the command path), once by the converter's
            // synchronous call. Whoever commits a group, every caller gets the one key of that person.
            var asked = await Task.WhenAll(persons.SelectMany(person => new[]
            {
                Task.Run(async () => (person, key: await keys.GetOrCreateAsync(person))),
                Task.Run(() => (person, key: keys.GetOrCreate(person))),
                Task.Run(async () => (person, key: await keys.GetOrCreateAsync(person))),
            }));
            asked.GroupBy(a => a.person).Should().AllSatisfy(g => g.Select(a => Convert.ToHexString(a.key)).Distinct().Should().ContainSingle());
            created = asked.GroupBy(a => a.person).ToDictionary(g => g.Key, g => g.First().key);
            created.Values.Select(Convert.ToHexString).Distinct().Should().HaveCount(persons.Length);

            // An erased person fails alone, awaited as synchronously; a later new person is still written.
            await keys.Awaiting(k => k.GetOrCreateAsync(erased).AsTask()).Should().ThrowAsync<PersonErasedException>();
            (await keys.GetOrCreateAsync(PersonId.New())).Should().HaveCount(IPersonalKeyStore.KeySize);
        }

        // A returned key was committed: a fresh store reads every one back.
        using var reopened = new SqlitePersonalKeyStore(KeysPath);
        reopened.Count().Should().Be(persons.Length + 1);
        foreach (var (person, key) in created)
        {
            reopened.Find(person).Should().Equal(key);
        }
    }

    [Fact]
    public void an_erased_key_leaves_no_copy_in_the_key_file_or_its_wal()
    {
        var person = PersonId.New();
        byte[] key;
        using (var keys = new SqlitePersonalKeyStore(KeysPath))
        {
            // Neighbours on the same page, so the erased key sits among rows that stay.
            keys.GetOrCreate(PersonId.New());
            key = keys.GetOrCreate(person);
            keys.GetOrCreate(PersonId.New());

            keys.Delete(person).Should().BeTrue();

            // Read while the store is still open: a running tracker does not close its key file after an erasure.
            foreach (var file in new[] { KeysPath, KeysPath + "-wal", KeysPath + "-journal" }.Where(File.Exists))
            {
                Contains(ReadShared(file), key).Should().BeFalse($"{Path.GetFileName(file)} must not keep the erased key");
            }
        }
    }

    [Fact]
    public void an_erasure_by_another_process_stops_this_store_opening_the_persons_data()
    {
        var person = PersonId.New();
        var clock = new FakeTimeProvider();
        using var api = new SqlitePersonalKeyStore(KeysPath, clock);
        using var cli = new SqlitePersonalKeyStore(KeysPath);
        var key = api.GetOrCreate(person);
        api.Find(person).Should().Equal(key, "the key is cached now");

        cli.Delete(person);
        clock.Advance(SqlitePersonalKeyStore.RevalidateEvery);

        api.Find(person).Should().BeNull();
        api.Invoking(k => k.GetOrCreate(person)).Should().Throw<PersonErasedException>();
    }

    [Fact]
    public void other_persons_keys_survive_another_processs_erasure()
    {
        var erased = PersonId.New();
        var kept = PersonId.New();
        var clock = new FakeTimeProvider();
        using var api = new SqlitePersonalKeyStore(KeysPath, clock);
        using var cli = new SqlitePersonalKeyStore(KeysPath);
        api.GetOrCreate(erased);
        var key = api.GetOrCreate(kept);

        cli.Delete(erased);
        clock.Advance(SqlitePersonalKeyStore.RevalidateEvery);

        api.Find(kept).Should().Equal(key);
    }

    [Fact]
    public void a_store_with_more_persons_than_its_cache_holds_reads_every_key_back_and_no_erased_one()
    {
        var persons = Enumerable.Range(0, 40).Select(_ => PersonId.New()).ToArray();
        using var keys = new SqlitePersonalKeyStore(KeysPath, cacheCapacity: 8);
        var created = persons.ToDictionary(p => p, keys.GetOrCreate);
        var erased = persons[3];
        keys.Delete(erased).Should().BeTrue();

        // Twice round: the second pass finds keys the first one pushed out of the cache, read from the file again.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var person in persons.Where(p => p != erased))
            {
                keys.Find(person).Should().Equal(created[person]);
                keys.GetOrCreate(person).Should().Equal(created[person], "a person whose key left the cache keeps the same key");
            }

            keys.Find(erased).Should().BeNull();
            keys.Invoking(k => k.GetOrCreate(erased)).Should().Throw<PersonErasedException>();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection still holds the file; the OS temp cleaner takes it.
        }
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}

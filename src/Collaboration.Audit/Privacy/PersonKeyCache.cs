using System.Diagnostics.CodeAnalysis;

namespace Collaboration.Audit.Privacy;

/// <summary>
/// The personal keys a key store read recently, bounded: a cache of every key ever read grew with the log (one entry per
/// person, some 12 MB at 100,000 people, held for the life of the process once a catch-up or an export had opened every
/// sealed field). Two generations of at most half the capacity each: a new key goes into the recent one, a key found in
/// the older one moves back into the recent one, and when the recent one is full it becomes the older one and the keys
/// left in the previous older one are dropped. The keys in use survive, without a list to keep in order on every read.
/// </summary>
/// <remarks>
/// Only a cache: a key not held is read from the store again. Removing and clearing are immediate, so an erasure that
/// removes a key (or drops every key) never leaves a copy here.
/// </remarks>
public sealed class PersonKeyCache
{
    /// <summary>Enough for the people of a busy office's working set; a catch-up over more reads the others again.</summary>
    public const int DefaultCapacity = 16_384;

    private readonly int half;
    private readonly Lock gate = new();
    private Dictionary<Guid, byte[]> recent = [];
    private Dictionary<Guid, byte[]> older = [];

    public PersonKeyCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        Capacity = capacity;
        half = capacity / 2;
    }

    /// <summary>The most keys held at once.</summary>
    public int Capacity { get; }

    /// <summary>How many keys are held now.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return recent.Count + older.Count;
            }
        }
    }

    public bool TryGet(Guid person, [NotNullWhen(true)] out byte[]? key)
    {
        lock (gate)
        {
            if (recent.TryGetValue(person, out key))
            {
                return true;
            }

            if (older.Remove(person, out key))
            {
                AddRecent(person, key);
                return true;
            }

            return false;
        }
    }

    public void Set(Guid person, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (gate)
        {
            older.Remove(person);
            AddRecent(person, key);
        }
    }

    public void Remove(Guid person)
    {
        lock (gate)
        {
            recent.Remove(person);
            older.Remove(person);
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            // New maps rather than Clear(): a cleared map keeps its buckets at the largest size it ever had.
            recent = [];
            older = [];
        }
    }

    // Under the gate.
    private void AddRecent(Guid person, byte[] key)
    {
        if (recent.Count >= half && !recent.ContainsKey(person))
        {
            older = recent;
            recent = [];
        }

        recent[person] = key;
    }
}

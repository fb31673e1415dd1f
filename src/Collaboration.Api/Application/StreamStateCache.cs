using System.Collections.Concurrent;
using System.Diagnostics;

namespace Collaboration.Api.Application;

/// <summary>
/// The folded state of streams read recently, each remembered with the log's head position at the moment it was read
/// (ADR 0027). An entry is served only while the head has not moved since: no writer, in this process or another, has
/// appended anything, so the state and its revision are exactly what reading the stream would give — an
/// <c>If-Match</c> is never compared with a stale revision. Any append anywhere makes every entry a miss.
/// </summary>
/// <remarks>
/// States hold decrypted personal data. <see cref="Clear"/> runs when a key is deleted in this process, and an entry
/// read while the clear ran is not kept; an erasure by another process (<c>collab erase-person</c>) appends
/// <c>PersonErased</c> first, which moves the head, and an entry lives at most <see cref="MaxAge"/> besides.
/// </remarks>
public sealed class StreamStateCache
{
    /// <summary>
    /// As long as the key store may keep a key another process erased (<c>SqlitePersonalKeyStore.RevalidateEvery</c>):
    /// an entry read just before such an erasure, whose <c>PersonErased</c> it did not yet see, stops being served
    /// within the same blink.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMilliseconds(250);

    /// <summary>Enough for the streams a busy office works on at once; a full cache starts again.</summary>
    public const int Capacity = 4_096;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private int count;
    private long generation;

    /// <summary>Taken before reading the head and the stream; <see cref="Remember"/> drops the entry if a clear ran since.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public bool TryGet<TState>(string stream, long head, out LoadedStream<TState> loaded)
        where TState : notnull
    {
        if (entries.TryGetValue(stream, out var entry)
            && entry.Head == head
            && Stopwatch.GetElapsedTime(entry.ReadAt) < MaxAge
            && entry.State is TState state)
        {
            loaded = new LoadedStream<TState>(state, entry.Revision);
            return true;
        }

        loaded = null!;
        return false;
    }

    public void Remember<TState>(string stream, long head, long generationBefore, LoadedStream<TState> loaded)
        where TState : notnull
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var entry = new Entry(loaded.State, loaded.Revision, head, Stopwatch.GetTimestamp());
        if (!entries.ContainsKey(stream) && Interlocked.Increment(ref count) > Capacity)
        {
            Clear();
            return;
        }

        entries[stream] = entry;
        // A clear that ran while the stream was read may have been for a person in this state: not kept.
        if (Generation != generationBefore)
        {
            entries.TryRemove(stream, out _);
        }
    }

    /// <summary>Forgets every state: a person's key was deleted, and their decrypted data may be in any of them.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref generation);
        entries.Clear();
        Interlocked.Exchange(ref count, 0);
    }

    private sealed record Entry(object State, long? Revision, long Head, long ReadAt);
}

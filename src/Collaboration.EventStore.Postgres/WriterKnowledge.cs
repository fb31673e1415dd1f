namespace Collaboration.EventStore.Postgres;

/// <summary>
/// What one node's writer knows of the log as of a head it committed itself: that head's position and chain hash,
/// and the revisions of streams it has looked up or written (null: known not to exist). All of it stays true for
/// as long as the head in the database is still that position, because every commit from any node advances it.
/// </summary>
internal sealed class WriterKnowledge
{
    // Enough for every stream a busy node touches in a while; beyond it the cache starts over (streams unknown to it
    // are looked up under the lock again, which is only slower).
    private const int MaxStreams = 100_000;

    private readonly Dictionary<string, long?> revisions = new(StringComparer.Ordinal);

    /// <summary>The position the facts below are true at; null when nothing is known (at start, or after a failure).</summary>
    public long? Head { get; private set; }

    public byte[] Hash { get; private set; } = [];

    /// <summary>True when the stream's current revision (or its absence) is known.</summary>
    public bool TryGetRevision(string stream, out long? revision) => revisions.TryGetValue(stream, out revision);

    /// <summary>Under the head lock at <paramref name="head"/>: stream revisions learned before stay true only if no other node committed since.</summary>
    public void Locked(long head)
    {
        if (Head != head)
        {
            revisions.Clear();
        }
    }

    /// <summary>A stream's current revision as read or written at the head about to be recorded.</summary>
    public void Learn(string stream, long? revision)
    {
        if (revisions.Count >= MaxStreams && !revisions.ContainsKey(stream))
        {
            revisions.Clear();
        }

        revisions[stream] = revision;
    }

    /// <summary>This writer committed up to <paramref name="head"/>; the revisions learned in that commit hold there.</summary>
    public void Committed(long head, byte[] hash)
    {
        Head = head;
        Hash = hash;
    }

    /// <summary>
    /// The log moved from <see cref="Head"/> to <paramref name="head"/> through other nodes' commits, which wrote only
    /// <paramref name="changed"/>: every other stream's known revision is still true at the new head.
    /// </summary>
    public void Moved(long head, byte[] hash, IEnumerable<string> changed)
    {
        Forget(changed);
        Head = head;
        Hash = hash;
    }

    /// <summary>Other nodes wrote these streams: their revisions are no longer known.</summary>
    public void Forget(IEnumerable<string> streams)
    {
        foreach (var stream in streams)
        {
            revisions.Remove(stream);
        }
    }

    /// <summary>The outcome of a transaction is not known, or the log moved unseen: nothing is assumed any more.</summary>
    public void Forget()
    {
        Head = null;
        Hash = [];
        revisions.Clear();
    }
}

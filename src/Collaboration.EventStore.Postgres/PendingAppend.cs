namespace Collaboration.EventStore.Postgres;

/// <summary>One caller's append waiting for the writer. Its outcome is only released after the commit.</summary>
internal sealed class PendingAppend(string stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken ct)
{
    public string Stream { get; } = stream;

    public ExpectedRevision Expected { get; } = expected;

    public IReadOnlyList<EventToAppend> Events { get; } = events;

    /// <summary>Each event's metadata as stored, serialised on the caller's thread rather than on the writer's.</summary>
    public byte[][] Metadata { get; } = Serialize(events);

    public CancellationToken CancellationToken { get; } = ct;

    public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AppendResult? Result { get; set; }

    public Exception? Error { get; set; }

    public bool Cancelled { get; set; }

    private static byte[][] Serialize(IReadOnlyList<EventToAppend> events)
    {
        var metadata = new byte[events.Count][];
        EventMetadata? last = null;
        byte[] json = [];
        for (var i = 0; i < events.Count; i++)
        {
            // Events of one command usually share one metadata instance: serialised once.
            if (!ReferenceEquals(events[i].Metadata, last))
            {
                last = events[i].Metadata;
                json = last.ToUtf8Json();
            }

            metadata[i] = json;
        }

        return metadata;
    }

    public void Fail(Exception error)
    {
        Result = null;
        Cancelled = false;
        Error = error;
    }

    public void Complete()
    {
        if (Cancelled)
        {
            Completion.TrySetCanceled(CancellationToken);
        }
        else if (Error is not null)
        {
            Completion.TrySetException(Error);
        }
        else
        {
            Completion.TrySetResult(Result!);
        }
    }
}
